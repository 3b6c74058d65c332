using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Files.Intake;

/// <summary>
/// Issue 15, hole 10: a file is what its first bytes say, not what its name says. An empty ".jpg" and a web page named
/// ".jpg" (served as application/octet-stream, so the content type does not give it away) are refused in the chat with a
/// reason, and are not counted anywhere: only the real photo of the message is stored.
/// </summary>
public sealed class ContentCheckTests : IAsyncLifetime
{
    private IntakeWorld _w = null!;

    public async Task InitializeAsync() => _w = await IntakeWorld.StartAsync();

    public async Task DisposeAsync() => await _w.DisposeAsync();

    [Fact]
    public async Task An_empty_jpg_and_a_web_page_named_jpg_are_refused_and_not_counted()
    {
        await _w.PostAsync(_w.Message(IntakeWorld.Zhang, "act-sniff",
            ("空白.jpg", _w.Downloads.Serve("/dl/empty.jpg", [])),
            ("网页.jpg", _w.Downloads.Serve("/dl/page.jpg", MediaBytes.Html())),
            ("开幕式.jpg", _w.Downloads.Serve("/dl/opening.jpg", MediaBytes.Jpeg(12_000)))));

        var ack = await _w.MessageContainingAsync(IntakeWorld.Zhang, "已收到");
        Assert.Contains("已收到 1 张照片：开幕式.jpg", ack, StringComparison.Ordinal);
        Assert.Contains("空白.jpg（文件是空的", ack, StringComparison.Ordinal);
        Assert.Contains("网页.jpg（内容不是照片", ack, StringComparison.Ordinal);
        var stored = _w.Get<IMediaStore>().StoredForItem("2024-wuxi", "jd", "report:2024-05-14");
        Assert.Equal(["开幕式.jpg"], stored.Select(r => r.FileName));
    }
}
