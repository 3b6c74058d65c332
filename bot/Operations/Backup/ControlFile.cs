using System.Text.Json;
using VocEdWeek.Bot.Storage;

namespace VocEdWeek.Bot.Operations.Backup;

/// <summary>
/// <c>operations.json</c> beside the database while the bot runs: its loopback address and a key made at start. Only
/// someone who can read the storage folder (who could take the data anyway) can ask the running bot for a backup.
/// </summary>
public sealed record ControlFile(string Url, string Key)
{
    public const string FileName = "operations.json";

    public static string PathIn(StorageOptions storage) => System.IO.Path.Combine(storage.FullDirectory, FileName);

    public void Write(StorageOptions storage)
    {
        var path = PathIn(storage);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        // Owner-only on Unix: the key is as good as read access to the data.
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var stream = new FileStream(path, options);
        JsonSerializer.Serialize(stream, this);
    }

    public static ControlFile? TryRead(StorageOptions storage)
    {
        var path = PathIn(storage);
        if (!File.Exists(path)) return null;
        try
        {
            using var stream = File.OpenRead(path);
            return JsonSerializer.Deserialize<ControlFile>(stream);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static void Delete(StorageOptions storage)
    {
        try { File.Delete(PathIn(storage)); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
