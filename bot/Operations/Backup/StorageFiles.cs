using System.Security.Cryptography;

using VocEdWeek.Bot.Storage;

namespace VocEdWeek.Bot.Operations.Backup;

/// <summary>
/// Every file of the storage folder a backup keeps besides the database: received files (<c>files/…</c>), the link
/// signing key, local exports. Not the database and its log (copied as a snapshot), the running bot's control file,
/// snapshots in the making, or files still being received (<c>.incoming-….part</c>).
/// </summary>
public static class StorageFiles
{
    public const string DatabaseName = "vocedweek.db";

    public static IEnumerable<string> RelativePaths(string root)
    {
        if (!Directory.Exists(root)) yield break;
        foreach (var full in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(root, full).Replace('\\', '/');
            var name = Path.GetFileName(relative);
            if (relative is DatabaseName or "vocedweek-log.db" or ControlFile.FileName or StorageLock.FileName) continue;
            if (name.StartsWith(".backup-", StringComparison.Ordinal) || (name.StartsWith(".incoming-", StringComparison.Ordinal) && name.EndsWith(".part", StringComparison.Ordinal))) continue;
            yield return relative;
        }
    }

    /// <summary>Copies one file, hashing what was written; returns its manifest entry.</summary>
    public static async Task<ManifestEntry> CopyAsync(string from, string to, string relative, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        await using var source = new FileStream(from, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 81920, FileOptions.Asynchronous);
        await using var target = new FileStream(to, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long size = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, ct)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            await target.WriteAsync(buffer.AsMemory(0, read), ct);
            size += read;
        }
        return new ManifestEntry(relative, size, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    public static async Task<string> Sha256Async(string path, CancellationToken ct)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
    }

    public static bool IsEmptyFolder(string path) => !Directory.Exists(path) || !Directory.EnumerateFileSystemEntries(path).Any();
}
