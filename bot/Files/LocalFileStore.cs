using System.Security.Cryptography;
using VocEdWeek.Bot.Storage;

namespace VocEdWeek.Bot.Files;

/// <summary>
/// Files under <c>{Storage:Directory}/files/…</c>. Written to a temp file first and moved into place,
/// so a failed or cut-off download never leaves half a file under a real name. The bytes and the new name are synced to
/// the disk before the store returns (<see cref="IFileSync"/>), because the caller then marks the file Stored.
/// </summary>
public sealed class LocalFileStore(StorageOptions storage, IFileSync? sync = null) : IFileStore
{
    private readonly IFileSync _sync = sync ?? DiskFileSync.Instance;
    private static readonly Lock NameGate = new();
    // Checked before a file starts and after every MiB: a file may not eat the database's reserve (StorageSpace).
    private const long SpaceCheckEvery = 1024 * 1024;
    private readonly string _root = Path.Combine(storage.FullDirectory, "files");
    private readonly StorageSpace _space = new(storage);

    public async Task<StoredFile> SaveAsync(IReadOnlyList<string> folder, string fileName, Stream content, CancellationToken ct)
    {
        _space.EnsureRoom(SpaceCheckEvery);
        var segments = folder.Select(s => FileNameCleaner.Clean(s, "_")).ToArray();
        var directory = Path.Combine([_root, .. segments]);
        var newFolder = !Directory.Exists(directory);
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".incoming-{Guid.NewGuid():N}.part");
        long size;
        string sha;
        try
        {
            await using (var target = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, System.IO.FileOptions.Asynchronous))
            using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                var buffer = new byte[81920];
                size = 0;
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await target.WriteAsync(buffer.AsMemory(0, read), ct);
                    size += read;
                    if (size % SpaceCheckEvery < read) _space.EnsureRoom(SpaceCheckEvery);
                }
                sha = Convert.ToHexStringLower(hash.GetHashAndReset());
                _sync.Contents(target);
            }
            var name = FileNameCleaner.Clean(fileName);
            string final;
            lock (NameGate)
            {
                final = Path.Combine(directory, name);
                for (var n = 2; File.Exists(final); n++) final = Path.Combine(directory, FileNameCleaner.Numbered(name, n));
                File.Move(temp, final);
            }
            _sync.Directory(directory);
            // A folder made just now (a new day, department or week) is itself a new name in its parent.
            if (newFolder) SyncParents(directory);
            var location = Path.GetRelativePath(_root, final).Replace('\\', '/');
            return new StoredFile(location, Path.GetFileName(final), size, sha, null);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    private void SyncParents(string directory)
    {
        var top = Path.GetFullPath(storage.FullDirectory);
        for (var parent = Path.GetDirectoryName(Path.GetFullPath(directory));
             parent is not null && parent.Length >= top.Length;
             parent = Path.GetDirectoryName(parent))
            _sync.Directory(parent);
    }

    public Stream OpenRead(string location) => File.OpenRead(Resolve(location));

    public void Delete(string location) => File.Delete(Resolve(location));

    private string Resolve(string location)
    {
        var full = Path.GetFullPath(Path.Combine(_root, location));
        // A stored location never points outside the store.
        if (!full.StartsWith(Path.GetFullPath(_root) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new ArgumentException("Location outside the file store.", nameof(location));
        return full;
    }
}
