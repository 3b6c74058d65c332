using System.Collections.Concurrent;
using VocEdWeek.Bot.Files;

namespace VocEdWeek.Bot.Tests.Features.Exports;

/// <summary>
/// The SharePoint edge for export tests (the Graph client itself is tested against a fake Graph server elsewhere): keeps
/// what was uploaded, by item id, reading the content through the caller's <c>openAt</c> like a real upload; or refuses.
/// </summary>
public sealed class RecordingRemoteStore(RemoteFailure? fail = null) : IRemoteFileStore
{
    public ConcurrentDictionary<string, (RemoteUpload Upload, byte[] Bytes)> Items { get; } = new();

    public async Task<RemoteFile> UploadAsync(RemoteUpload upload, Func<long, Stream> openAt, IUploadCheckpoint checkpoint, CancellationToken ct)
    {
        if (fail is { } failure) throw new RemoteStoreException("SharePoint said no (test).", failure);
        await using var content = openAt(0);
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy, ct);
        Assert.Equal(upload.Length, copy.Length);
        var id = $"item-{Items.Count + 1}";
        Items[id] = (upload, copy.ToArray());
        var path = string.Join('/', upload.Folder.Append(upload.FileName));
        return new RemoteFile(id, upload.FileName, path, "https://college.sharepoint.example/sites/office/Shared%20Documents/" + Uri.EscapeDataString(path));
    }

    public Task<Stream> OpenReadAsync(string itemId, CancellationToken ct) =>
        Items.TryGetValue(itemId, out var item)
            ? Task.FromResult<Stream>(new MemoryStream(item.Bytes, writable: false))
            : throw new RemoteStoreException("not found", RemoteFailure.Permanent);

    public Task<Stream?> OpenThumbnailAsync(string itemId, CancellationToken ct) => Task.FromResult<Stream?>(null);
}
