using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using LiteDB;
using VocEdWeek.Bot.Storage;

namespace VocEdWeek.Bot.Operations.Backup;

/// <summary>
/// <c>backup &lt;folder&gt;</c>: a consistent database copy plus every stored file, with a manifest of SHA-256 hashes.
/// While the bot runs it holds the LiteDB file in direct mode, so the snapshot is made by the bot itself, asked over
/// loopback with the key of <see cref="ControlFile"/>; when no bot runs, the command opens the file and makes it here.
/// </summary>
public static class BackupCommand
{
    public static async Task RunAsync(StorageOptions storage, string folder, TextWriter output, CancellationToken ct)
    {
        if (!StorageFiles.IsEmptyFolder(folder)) throw new BackupException($"The backup folder '{folder}' is not empty; give a new or empty folder.");
        if (!File.Exists(storage.DatabasePath)) throw new BackupException($"There is no database in Storage:Directory '{storage.Directory}'.");
        Directory.CreateDirectory(folder);
        var databaseCopy = Path.Combine(folder, StorageFiles.DatabaseName);

        var fromBot = ControlFile.TryRead(storage) is { } control ? await TryOnlineAsync(control, databaseCopy, ct) : null;
        var online = fromBot is not null;
        var contents = fromBot ?? Offline(storage, databaseCopy);
        output.WriteLine(online ? "Database: snapshot taken by the running bot." : "Database: no bot running; copied from the file.");

        var files = new List<ManifestEntry>();
        foreach (var relative in StorageFiles.RelativePaths(storage.FullDirectory))
        {
            var from = Path.Combine(storage.FullDirectory, relative);
            try
            {
                files.Add(await StorageFiles.CopyAsync(from, Path.Combine(folder, relative), relative, ct));
            }
            catch (FileNotFoundException)
            {
                // Removed meanwhile (e.g. its SharePoint upload was confirmed); the snapshot's record says where it is.
            }
        }
        var database = new ManifestEntry(StorageFiles.DatabaseName, new FileInfo(databaseCopy).Length, await StorageFiles.Sha256Async(databaseCopy, ct));
        await new BackupManifest(1, DateTimeOffset.UtcNow, online, database, contents, files).WriteAsync(folder, ct);
        output.WriteLine($"Backup written: {contents.Documents} records in {contents.Collections} collections, {files.Count} files ({files.Sum(f => f.Size) / 1024} KiB); hashes in {BackupManifest.FileName}.");
    }

    /// <summary>Asks the running bot for the snapshot; null when no bot answers at the published address (a stale file).</summary>
    private static async Task<SnapshotInfo?> TryOnlineAsync(ControlFile control, string target, CancellationToken ct)
    {
        using var handler = new SocketsHttpHandler();
        // The address is a loopback one the bot wrote itself; its certificate (if https) names the public host.
        handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromMinutes(30) };
        using var request = new HttpRequestMessage(HttpMethod.Post, control.Url.TrimEnd('/') + BackupEndpoint.Path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", control.Key);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        }
        catch (HttpRequestException ex) when (ex.InnerException is SocketException)
        {
            return null;
        }
        using (response)
        {
            if (response.StatusCode != HttpStatusCode.OK)
                throw new BackupException($"The running bot at {control.Url} refused the backup ({(int)response.StatusCode}); is {ControlFile.FileName} from this bot?");
            await using (var file = File.Create(target))
            {
                await response.Content.CopyToAsync(file, ct);
            }
            return new SnapshotInfo((int)Header(response, "X-Backup-Collections"), Header(response, "X-Backup-Documents"));
        }
    }

    private static long Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) && long.TryParse(values.FirstOrDefault(), out var n) ? n : 0;

    private static SnapshotInfo Offline(StorageOptions storage, string target)
    {
        // Held while copying: a bot starting meanwhile finds it taken and leaves backups to us.
        using var held = StorageLock.TryTake(storage)
            ?? throw new BackupException($"The database in Storage:Directory '{storage.Directory}' is in use by a bot that published no address ({ControlFile.FileName}); stop it, or start it on a real port, and try again.");
        // Nobody else has the file: fold the write-ahead log into it, close it, and the file alone is the database.
        SnapshotInfo info;
        using (var db = new LiteDatabase(DurableEngine.Open(storage.DatabasePath)))
        {
            db.Checkpoint();
            var names = db.GetCollectionNames().ToList();
            info = new SnapshotInfo(names.Count, names.Sum(n => (long)db.GetCollection(n).LongCount()));
        }
        File.Copy(storage.DatabasePath, target);
        return info;
    }
}
