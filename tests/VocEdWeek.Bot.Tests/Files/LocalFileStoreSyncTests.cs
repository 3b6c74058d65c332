using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Files;

/// <summary>A file is on the disk — bytes, name, and any folder made for it — before the store says where it is.</summary>
public sealed class LocalFileStoreSyncTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly RecordingSync _sync = new();
    private readonly LocalFileStore _store;

    public LocalFileStoreSyncTests() => _store = new LocalFileStore(new StorageOptions { Directory = _dir.Path }, _sync);

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task The_bytes_are_synced_before_the_file_gets_its_name_and_the_folder_after()
    {
        var stored = await _store.SaveAsync(["w", "d", "2024-05-14"], "a.jpg", new MemoryStream(new byte[3000]), default);

        var folder = Path.Combine(_dir.Path, "files", "w", "d", "2024-05-14");
        Assert.Equal(("contents", 3000L, false), _sync.Steps[0]);
        Assert.Equal(("folder " + folder, 0L, true), _sync.Steps[1]);
        Assert.Equal("w/d/2024-05-14/a.jpg", stored.Location);
    }

    [Fact]
    public async Task A_folder_made_for_the_file_is_synced_in_its_parents_up_to_the_storage_folder()
    {
        await _store.SaveAsync(["w", "d", "x"], "a.jpg", new MemoryStream([1]), default);
        var folders = _sync.Steps.Skip(1).Select(s => s.What).ToArray();
        var files = Path.Combine(_dir.Path, "files");
        Assert.Equal(new[] { "x", "d", "w", "files", "" }.Select(p => "folder " + Path.GetFullPath(p switch
        {
            "x" => Path.Combine(files, "w", "d", "x"),
            "d" => Path.Combine(files, "w", "d"),
            "w" => Path.Combine(files, "w"),
            "files" => files,
            _ => _dir.Path,
        })), folders);

        _sync.Steps.Clear();
        await _store.SaveAsync(["w", "d", "x"], "b.jpg", new MemoryStream([2]), default);
        Assert.Equal(2, _sync.Steps.Count); // the folder existed: only the file and its own folder
    }

    [Fact]
    public async Task A_file_whose_bytes_cannot_be_synced_is_not_stored()
    {
        _sync.FailContents = true;
        await Assert.ThrowsAsync<IOException>(() => _store.SaveAsync(["w", "d", "x"], "a.jpg", new MemoryStream([1]), default));
        Assert.Empty(Directory.GetFiles(Path.Combine(_dir.Path, "files"), "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void The_disk_sync_really_opens_the_folder()
    {
        DiskFileSync.Instance.Directory(_dir.Path);
        if (!OperatingSystem.IsWindows())
            Assert.Throws<IOException>(() => DiskFileSync.Instance.Directory(Path.Combine(_dir.Path, "missing")));
    }

    private sealed class RecordingSync : IFileSync
    {
        public List<(string What, long Length, bool FileNamed)> Steps { get; } = [];
        public bool FailContents { get; set; }

        public void Contents(FileStream file)
        {
            if (FailContents) throw new IOException("disk gone");
            file.Flush();
            // Still under its temporary name: the final name must not exist before the bytes are on the disk.
            Steps.Add(("contents", new FileInfo(file.Name).Length, Path.GetFileName(file.Name).EndsWith(".jpg", StringComparison.Ordinal)));
        }

        public void Directory(string directory) =>
            Steps.Add(("folder " + directory, 0, System.IO.Directory.GetFiles(directory, "*.jpg").Length > 0));
    }
}
