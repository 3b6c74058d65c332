using System.Net;
using Microsoft.Extensions.DependencyInjection;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Tests.Fakes;
using static VocEdWeek.Bot.Tests.Features.UploadPage.UploadHttp;

namespace VocEdWeek.Bot.Tests.Features.UploadPage;

/// <summary>
/// Issue 15, hole 10 on the upload page: the first bytes of the body decide, not the name. An empty ".jpg" and a web page
/// named ".jpg" are refused with the reason the page shows, nothing is stored or recorded, and the acknowledgement in the
/// chat counts only the real photo.
/// </summary>
public sealed class UploadContentTests : IAsyncLifetime
{
    private UploadWorld _w = null!;

    public async Task InitializeAsync() => _w = await UploadWorld.StartAsync();

    public async Task DisposeAsync() => await _w.DisposeAsync();

    [Fact]
    public async Task An_empty_jpg_and_a_web_page_named_jpg_are_refused_and_not_counted()
    {
        var token = Token(await _w.LinkAsync());

        var empty = await PostFileAsync(_w.Http, token, "空白.jpg", Bytes([]), "sniff-run-01");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, empty.StatusCode);
        Assert.StartsWith("空白.jpg（文件是空的", await ErrorOf(empty), StringComparison.Ordinal);

        var page = await PostFileAsync(_w.Http, token, "网页.jpg", Unsized(MediaBytes.Html()), "sniff-run-01");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, page.StatusCode);
        Assert.StartsWith("网页.jpg（内容不是照片", await ErrorOf(page), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await PostFileAsync(_w.Http, token, "开幕式.jpg", Bytes(MediaBytes.Jpeg(9_000)), "sniff-run-01")).StatusCode);
        var before = _w.Connector.Posts.Count;
        await DoneAsync(_w.Http, token, "sniff-run-01");

        var records = _w.Services.GetRequiredService<IMediaStore>().ForWeek("2024-wuxi");
        Assert.Equal(["开幕式.jpg"], records.Select(r => r.FileName));
        var folder = Path.Combine(_w.DataDirectory, "files/2024年职业教育活动周/机电工程学院/2024-05-14");
        Assert.Equal(["开幕式.jpg"], Directory.GetFiles(folder).Select(Path.GetFileName));
        Assert.Equal("（通过上传页面）已收到 1 张照片：开幕式.jpg。已归入 机电工程学院 · 5月14日 日报。", Assert.Single(_w.TextsSince(before)));
    }

    /// <summary>No length announced: the page's body is streamed, so only its first bytes can give it away.</summary>
    private static HttpContent Unsized(byte[] bytes) => new StreamContent(new MemoryStream(bytes)) { Headers = { ContentLength = null } };
}
