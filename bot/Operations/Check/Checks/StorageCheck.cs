using VocEdWeek.Bot.Storage;

namespace VocEdWeek.Bot.Operations.Check.Checks;

/// <summary>
/// <c>Storage:Directory</c> holds every received file and, on LiteDB, the database: a probe file is written and deleted
/// there, and at least <see cref="MinimumFree"/> must be free (on PostgreSQL too: the files still land here first).
/// </summary>
public sealed class StorageCheck : ICheck
{
    /// <summary>
    /// One report day of photos and videos from a few dozen departments is easily hundreds of MiB, and LiteDB needs
    /// room to grow and checkpoint: below 1 GiB the disk can fill up during the week, and then every submission fails.
    /// </summary>
    public const long MinimumFree = 1L << 30;

    private const string Key = "Storage:Directory";

    public string NameKey => "check_name_storage";

    public Task<CheckResult> RunAsync(CheckContext context, CancellationToken ct)
    {
        var storage = context.Configuration.GetSection("Storage").Get<StorageOptions>() ?? new StorageOptions();
        string directory;
        try
        {
            directory = storage.FullDirectory;
            Directory.CreateDirectory(directory);
            var probe = Path.Combine(directory, $".check-{Guid.NewGuid():N}.tmp");
            File.WriteAllBytes(probe, new byte[4096]);
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return Task.FromResult(CheckResult.Fail(context.T("check_storage_not_writable", storage.Directory, Reason.Of(ex)), context.T("check_storage_not_writable_fix"), Key));
        }
        var free = new DriveInfo(directory).AvailableFreeSpace;
        if (free < MinimumFree)
            return Task.FromResult(CheckResult.Fail(context.T("check_storage_low", directory, free / (1024.0 * 1024)), context.T("check_storage_low_fix"), Key));
        return Task.FromResult(CheckResult.Pass(context.T("check_storage_ok", directory, free / (1024.0 * 1024 * 1024))));
    }
}
