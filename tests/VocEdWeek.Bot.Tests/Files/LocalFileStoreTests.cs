using System.Security.Cryptography;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Files;

public sealed class LocalFileStoreTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly LocalFileStore _store;

    public LocalFileStoreTests() => _store = new LocalFileStore(new StorageOptions { Directory = _dir.Path });

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Stores_bytes_with_hash_under_the_folder()
    {
        var bytes = RandomNumberGenerator.GetBytes(200_000);
        var stored = await _store.SaveAsync(["2024年职业教育活动周", "机电工程学院", "2024-05-14"], "照片.jpg", new MemoryStream(bytes), default);
        Assert.Equal("2024年职业教育活动周/机电工程学院/2024-05-14/照片.jpg", stored.Location);
        Assert.Equal(bytes.Length, stored.Size);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), stored.Sha256);
        await using var read = _store.OpenRead(stored.Location);
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        Assert.Equal(bytes, copy.ToArray());
    }

    [Fact]
    public async Task Same_name_is_renamed_never_overwritten()
    {
        var a = await _store.SaveAsync(["w", "d", "x"], "a.jpg", new MemoryStream([1]), default);
        var b = await _store.SaveAsync(["w", "d", "x"], "a.jpg", new MemoryStream([2]), default);
        Assert.Equal("a.jpg", a.FileName);
        Assert.Equal("a (2).jpg", b.FileName);
        Assert.Equal(1, _store.OpenRead(a.Location).ReadByte());
    }

    [Fact]
    public async Task A_failed_download_leaves_nothing_behind()
    {
        await Assert.ThrowsAsync<FileTooLargeException>(() =>
            _store.SaveAsync(["w", "d", "x"], "big.mp4", new SizeLimitedStream(new MemoryStream(new byte[5000]), 1000), default));
        Assert.Empty(Directory.GetFiles(Path.Combine(_dir.Path, "files"), "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Hostile_folder_names_stay_inside_the_store()
    {
        var stored = await _store.SaveAsync(["..", "../..", "d"], "../x.txt", new MemoryStream([1]), default);
        Assert.DoesNotContain("..", stored.Location, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => _store.OpenRead("../../etc/passwd"));
    }
}
