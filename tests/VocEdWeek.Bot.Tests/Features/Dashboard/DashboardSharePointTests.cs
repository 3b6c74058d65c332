using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Files.Publishing;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Tests.Files.SharePoint;
using static VocEdWeek.Bot.Tests.Features.Forms.FormsWorld;

namespace VocEdWeek.Bot.Tests.Features.Dashboard;

/// <summary>
/// A photo uploaded by the real worker to SharePoint (a fake Graph on 127.0.0.1), its local copy cleaned up: the gallery
/// links to its webUrl, the thumbnail is SharePoint's and the full photo is read back from SharePoint.
/// </summary>
public sealed partial class DashboardSharePointTests : IAsyncLifetime
{
    private FakeGraph _graph = null!;
    private DashboardSite _site = null!;
    private MediaRecord _photo = null!;

    public async Task InitializeAsync()
    {
        _graph = await FakeGraph.StartAsync();
        var clock = new WatchedTimeProvider(Beijing(2024, 5, 14, 10, 0));
        _site = await DashboardSite.StartAsync(SharePointHarness.Config(_graph), s => s.AddSingleton<TimeProvider>(clock));
        var poll = _site.Get<RemoteUploadOptions>().QueuePollInterval;
        var stored = await _site.StorePhotoAsync("2024-wuxi", "jd", "report:2024-05-14", "开幕式.png", DashboardSite.Png, receivedAt: Beijing(2024, 5, 14, 9, 0).UtcDateTime);
        // The upload worker waits on its poll timer again after each round: look after each time it does, until the round
        // that put the photo in SharePoint (and removed the local copy) is over.
        while (true)
        {
            var rested = clock.TimerArmed(poll);
            if (_site.Get<IMediaStore>().Find(stored.Id) is { Remote: RemoteState.Uploaded, LocalDeleted: true } uploaded)
            {
                _photo = uploaded;
                return;
            }
            await rested.WaitAsync(HangGuard.Limit);
        }
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        await _graph.DisposeAsync();
    }

    [Fact]
    public async Task TheGalleryLinksToSharePoint_AndServesItsThumbnailAndCopy()
    {
        var file = _graph.Files.Values.Single();
        Assert.Equal(file.WebUrl, _photo.WebUrl);
        var link = await _site.AskForLinkAsync(Staff);
        var html = await (await _site.Client.GetAsync(DashboardSite.PathOf(link))).Content.ReadAsStringAsync();
        Assert.Contains($"<a href=\"{file.WebUrl}\" target=\"_blank\" rel=\"noopener noreferrer\">", html);

        var token = TokenPattern().Match(link).Groups[1].Value;
        var thumb = await _site.Client.GetAsync($"/dashboard/media/{_photo.Id}?t={token}&thumb=1");
        Assert.Equal(HttpStatusCode.OK, thumb.StatusCode);
        Assert.Equal(FakeGraph.Thumbnail(file), await thumb.Content.ReadAsByteArrayAsync());

        var full = await _site.Client.GetAsync($"/dashboard/media/{_photo.Id}?t={token}");
        Assert.Equal("image/png", full.Content.Headers.ContentType!.MediaType);
        Assert.Equal(DashboardSite.Png, await full.Content.ReadAsByteArrayAsync());
        Assert.Contains(_graph.Requests, r => r.Target.EndsWith("/thumbnails/0/medium/content", StringComparison.Ordinal));
        Assert.Contains(_graph.Requests, r => r.Method == "GET" && r.Target.EndsWith($"/items/{file.Id}/content", StringComparison.Ordinal));
    }

    [GeneratedRegex("[?&]t=([^&]+)")]
    private static partial Regex TokenPattern();
}
