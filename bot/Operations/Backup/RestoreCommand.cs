using LiteDB;
using VocEdWeek.Bot.Storage;

namespace VocEdWeek.Bot.Operations.Backup;

/// <summary>
/// <c>restore &lt;backup&gt;</c>: checks every hash of the backup first, then copies it into the configured storage
/// folder — only an empty (or new) one, so a restore never mixes with or overwrites live data — and opens the restored
/// database to see that it holds what the manifest says.
/// </summary>
public static class RestoreCommand
{
    public static async Task RunAsync(StorageOptions storage, string backup, TextWriter output, CancellationToken ct)
    {
        var manifest = await BackupManifest.ReadAsync(backup, ct);
        if (!StorageFiles.IsEmptyFolder(storage.FullDirectory))
            throw new BackupException($"Storage:Directory '{storage.Directory}' is not empty; restore only into an empty or new folder.");
        var entries = manifest.Files.Prepend(manifest.Database).ToList();
        foreach (var entry in entries) await VerifyAsync(backup, entry, ct);
        output.WriteLine($"Backup verified: the database and {manifest.Files.Count} files match {BackupManifest.FileName}.");

        Directory.CreateDirectory(storage.FullDirectory);
        foreach (var entry in entries)
        {
            var copied = await StorageFiles.CopyAsync(Inside(backup, entry.Path), Inside(storage.FullDirectory, entry.Path), entry.Path, ct);
            if (copied.Sha256 != entry.Sha256) throw new BackupException($"'{entry.Path}' changed while it was being restored.");
        }
        var found = Open(storage);
        if (found != manifest.Contents)
            throw new BackupException($"The restored database holds {found.Documents} records in {found.Collections} collections; the manifest says {manifest.Contents.Documents} in {manifest.Contents.Collections}.");
        output.WriteLine($"Restored into Storage:Directory: {found.Documents} records in {found.Collections} collections, {manifest.Files.Count} files.");
    }

    private static async Task VerifyAsync(string backup, ManifestEntry entry, CancellationToken ct)
    {
        var path = Inside(backup, entry.Path);
        if (!File.Exists(path)) throw new BackupException($"The backup is incomplete: '{entry.Path}' is missing.");
        if (await StorageFiles.Sha256Async(path, ct) != entry.Sha256) throw new BackupException($"The backup is damaged: '{entry.Path}' does not match its SHA-256 in {BackupManifest.FileName}.");
    }

    /// <summary>A manifest path under <paramref name="root"/>; a path that would leave it (a tampered manifest) is refused.</summary>
    private static string Inside(string root, string relative)
    {
        var full = Path.GetFullPath(Path.Combine(root, relative));
        if (!full.StartsWith(Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new BackupException($"The manifest names '{relative}', which is outside the folder.");
        return full;
    }

    private static SnapshotInfo Open(StorageOptions storage)
    {
        using var db = new LiteDatabase(DurableEngine.Open(storage.DatabasePath));
        var names = db.GetCollectionNames().ToList();
        return new SnapshotInfo(names.Count, names.Sum(n => (long)db.GetCollection(n).LongCount()));
    }
}
