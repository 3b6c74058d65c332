using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using VocEdWeek.Bot.Files;
using static VocEdWeek.Bot.Tests.Features.Forms.FormsWorld;

namespace VocEdWeek.Bot.Tests.Features.Dashboard;

/// <summary>
/// A photo whose local copy was cleaned up after its SharePoint upload: the gallery links to its webUrl, the thumbnail
/// is SharePoint's (a JPEG, whatever the photo was) and the full photo is read back from SharePoint. The office library
/// stands behind the <see cref="IRemoteFileStore"/> contract here; its Graph client is tested on its own.
/// </summary>
public sealed partial class DashboardSharePointTests : IAsyncLifetime
{
    private static readonly byte[] Thumbnail = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 2, 3];
    private readonly Library _library = new();
    private DashboardSite _site = null!;
    private MediaRecord _photo = null!;

    public async Task InitializeAsync()
    {
        _site = await DashboardSite.StartAsync(services: s => s.AddSingleton<IRemoteFileStore>(_library));
        _photo = await _site.StorePhotoAsync("2024-wuxi", "jd", "report:2024-05-14", "开幕式.png", DashboardSite.Png, receivedAt: Beijing(2024, 5, 14, 9, 0).UtcDateTime);
        _site.Get<IFileStore>().Delete(_photo.Location);
        _photo.LocalDeleted = true;
        _photo.Remote = RemoteState.Uploaded;
        _photo.RemoteItemId = "01ABCDEF";
        _photo.WebUrl = "https://college.sharepoint.example/sites/jwc/Shared%20Documents/开幕式.png";
        _site.Get<MediaStore>().Update(_photo);
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task TheGalleryLinksToSharePoint_AndServesItsThumbnailAndCopy()
    {
        var link = await _site.AskForLinkAsync(Staff);
        var html = await (await _site.Client.GetAsync(DashboardSite.PathOf(link))).Content.ReadAsStringAsync();
        Assert.Contains("<a href=\"https://college.sharepoint.example/sites/jwc/Shared%20Documents/开幕式.png\" target=\"_blank\" rel=\"noopener noreferrer\">", html);

        var token = TokenPattern().Match(link).Groups[1].Value;
        var thumb = await _site.Client.GetAsync($"/dashboard/media/{_photo.Id}?t={token}&thumb=1");
        Assert.Equal(HttpStatusCode.OK, thumb.StatusCode);
        Assert.Equal("image/jpeg", thumb.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Thumbnail, await thumb.Content.ReadAsByteArrayAsync());

        var full = await _site.Client.GetAsync($"/dashboard/media/{_photo.Id}?t={token}");
        Assert.Equal("image/png", full.Content.Headers.ContentType!.MediaType);
        Assert.Equal(DashboardSite.Png, await full.Content.ReadAsByteArrayAsync());
        Assert.Equal(["thumb:01ABCDEF", "read:01ABCDEF"], _library.Calls);
    }

    [GeneratedRegex("[?&]t=([^&]+)")]
    private static partial Regex TokenPattern();

    private sealed class Library : IRemoteFileStore
    {
        public List<string> Calls { get; } = [];

        public Task<RemoteFile> UploadAsync(RemoteUpload upload, Func<long, Stream> openAt, IUploadCheckpoint checkpoint, CancellationToken ct) =>
            throw new RemoteStoreException("not in this test", RemoteFailure.Permanent);

        public Task<Stream> OpenReadAsync(string itemId, CancellationToken ct)
        {
            Calls.Add("read:" + itemId);
            return Task.FromResult<Stream>(new MemoryStream(DashboardSite.Png));
        }

        public Task<Stream?> OpenThumbnailAsync(string itemId, CancellationToken ct)
        {
            Calls.Add("thumb:" + itemId);
            return Task.FromResult<Stream?>(new MemoryStream(Thumbnail));
        }
    }
}
