using System.Security.Cryptography;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.Exports;

/// <summary>
/// Builds one export and keeps it: the writer writes to a temp file in the storage folder (never into memory), then
/// the file goes to SharePoint when configured (falling back to the local store if SharePoint fails) or to the local
/// store, under [week title, 导出]. Every export leaves an <see cref="ExportRecord"/>.
/// </summary>
public sealed partial class ExportService(
    IEnumerable<IExportWriter> writers,
    IFileStore local,
    IExportStore store,
    StorageOptions storage,
    TimeProvider time,
    IServiceProvider services,
    ILogger<ExportService> logger)
{
    /// <summary>The folder below the week's folder; the same in every language so the office finds one place.</summary>
    public const string Folder = "导出";

    /// <summary>Where exports are written before they are kept (under the storage folder), and their names' start.</summary>
    public const string TempFolder = "tmp";
    public const string TempPrefix = "export-";

    private readonly Dictionary<ExportKind, IExportWriter> _writers = writers.GroupBy(w => w.Kind).ToDictionary(g => g.Key, g => g.Last());

    private IRemoteFileStore? Remote => services.GetService<IRemoteFileStore>();

    public bool CanWrite(ExportKind kind) => _writers.ContainsKey(kind);

    public Task<ExportRecord> ExportAsync(ActiveWeek week, ExportKind kind, Requester who, Strings t, CancellationToken ct) =>
        ExportAsync(week, _writers.GetValueOrDefault(kind) ?? throw new InvalidOperationException($"No writer for {kind}."), who, t, ct);

    /// <summary>With a writer that is not one of "导出全部"'s (the week file, which only admins export).</summary>
    public async Task<ExportRecord> ExportAsync(ActiveWeek week, IExportWriter writer, Requester who, Strings t, CancellationToken ct)
    {
        var kind = writer.Kind;
        var fileName = FileNameCleaner.Clean(writer.FileStem(week, t) + writer.Extension, kind.ToString());
        var tempDir = Path.Combine(storage.FullDirectory, TempFolder);
        Directory.CreateDirectory(tempDir);
        var temp = Path.Combine(tempDir, $"{TempPrefix}{Guid.NewGuid():N}{writer.Extension}");
        try
        {
            long length;
            string sha;
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read, 81920, FileOptions.Asynchronous))
            {
                await writer.WriteAsync(week, t, file, ct);
                await file.FlushAsync(ct);
                length = file.Length;
                file.Position = 0;
                sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, ct));
            }
            var record = new ExportRecord
            {
                Kind = kind,
                WeekId = week.Definition.Id,
                WeekTitle = week.Definition.Title,
                FileName = fileName,
                Size = length,
                Sha256 = sha,
                CreatedAt = time.GetUtcNow().UtcDateTime,
                RequestedByName = who.Name,
                RequestedByTeamsId = who.TeamsId,
                RequestedByAadObjectId = who.AadObjectId,
            };
            string[] folder = [week.Definition.Title, Folder, .. writer.Folder];
            if (Remote is { } remote)
            {
                try
                {
                    var uploaded = await remote.UploadAsync(new RemoteUpload(folder, fileName, length),
                        offset => OpenAt(temp, offset), new SessionCheckpoint(), ct);
                    record.Storage = ExportStorage.SharePoint;
                    record.Location = uploaded.ItemId;
                    record.WebUrl = uploaded.WebUrl;
                    store.Add(record);
                    return record;
                }
                catch (Exception ex) when (ex is RemoteStoreException or HttpRequestException or IOException
                                           || ex is TaskCanceledException && !ct.IsCancellationRequested)
                {
                    LogSharePointFailed(logger, ex, kind, week.Definition.Id);
                    record.FellBackToLocal = true;
                }
            }
            await using (var content = File.OpenRead(temp))
            {
                var stored = await local.SaveAsync(folder, fileName, content, ct);
                record.Storage = ExportStorage.Local;
                record.Location = stored.Location;
            }
            store.Add(record);
            return record;
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>The export's bytes from wherever it is kept; null when it is gone.</summary>
    public async Task<Stream?> OpenAsync(ExportRecord record, CancellationToken ct)
    {
        if (record.Storage == ExportStorage.SharePoint)
        {
            if (Remote is not { } remote) return null;
            try
            {
                return await remote.OpenReadAsync(record.Location, ct);
            }
            catch (RemoteStoreException)
            {
                return null;
            }
        }
        if (record.LocalDeletedAt is not null) return null;
        try
        {
            return local.OpenRead(record.Location);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or ArgumentException)
        {
            return null;
        }
    }

    private static FileStream OpenAt(string path, long offset)
    {
        var stream = File.OpenRead(path);
        stream.Position = offset;
        return stream;
    }

    /// <summary>An export is uploaded while the user waits: a session is only worth keeping for this one attempt.</summary>
    private sealed class SessionCheckpoint : IUploadCheckpoint
    {
        public string? SessionUrl { get; private set; }

        public void Save(string? sessionUrl) => SessionUrl = sessionUrl;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Export {Kind} of week {WeekId}: SharePoint failed, kept in the local store")]
    private static partial void LogSharePointFailed(ILogger logger, Exception ex, ExportKind kind, string weekId);
}

/// <summary>The staff member an export is made for.</summary>
public sealed record Requester(string Name, string TeamsId, string? AadObjectId);
