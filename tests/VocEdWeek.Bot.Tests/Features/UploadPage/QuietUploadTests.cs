using System.Net;
using Microsoft.Extensions.DependencyInjection;
using VocEdWeek.Bot.Features.UploadPage;
using VocEdWeek.Bot.Tests.Fakes;
using static VocEdWeek.Bot.Tests.Features.UploadPage.UploadHttp;

namespace VocEdWeek.Bot.Tests.Features.UploadPage;

/// <summary>
/// A page closed before it said "done": its files are acknowledged in the chat once the batch has been quiet for the
/// configured time, each file exactly once — a later "done" or a late file of the same run does not repeat them.
/// </summary>
public sealed class QuietUploadTests : IAsyncLifetime
{
    private UploadWorld _w = null!;

    public async Task InitializeAsync() => _w = await UploadWorld.StartAsync(new() { ["UploadPage:AcknowledgeAfter"] = "00:10:00" });

    public async Task DisposeAsync() => await _w.DisposeAsync();

    private UploadAcknowledger Acknowledger => _w.Services.GetRequiredService<UploadAcknowledger>();

    [Fact]
    public async Task Files_of_a_closed_page_are_acknowledged_after_the_quiet_time_once()
    {
        var token = Token(await _w.LinkAsync());
        Assert.Equal(HttpStatusCode.OK, (await PostFileAsync(_w.Http, token, "开幕式.jpg", Bytes(MediaBytes.Jpeg(seed: 1)), "closed-run-01")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostFileAsync(_w.Http, token, "技能展示.mp4", Bytes(MediaBytes.Mp4(seed: 4)), "closed-run-01")).StatusCode);
        var before = _w.Connector.Posts.Count;

        // Nine minutes later the page may still be busy with a large file: nothing yet.
        Assert.Equal(0, await Acknowledger.AcknowledgeQuietAsync(_w.Clock.GetUtcNow().AddMinutes(9), TimeSpan.FromMinutes(10), default));
        Assert.Empty(_w.TextsSince(before));

        Assert.Equal(1, await Acknowledger.AcknowledgeQuietAsync(_w.Clock.GetUtcNow().AddMinutes(11), TimeSpan.FromMinutes(10), default));
        Assert.Equal("（通过上传页面）已收到 1 张照片、1 个视频：开幕式.jpg、技能展示.mp4。已归入 机电工程学院 · 5月14日 日报。", Assert.Single(_w.TextsSince(before)));

        // Asked again, or the page's late "done": nothing more.
        Assert.Equal(0, await Acknowledger.AcknowledgeQuietAsync(_w.Clock.GetUtcNow().AddMinutes(30), TimeSpan.FromMinutes(10), default));
        Assert.False((bool)(await DoneAsync(_w.Http, token, "closed-run-01"))["sent"]!);
        Assert.Single(_w.TextsSince(before));
    }

    [Fact]
    public async Task A_file_finished_after_the_quiet_time_acknowledgement_gets_its_own_at_done()
    {
        var token = Token(await _w.LinkAsync());
        await PostFileAsync(_w.Http, token, "a.jpg", Bytes(MediaBytes.Jpeg(seed: 1)), "slow-run-0001");
        await Acknowledger.AcknowledgeQuietAsync(_w.Clock.GetUtcNow().AddMinutes(11), TimeSpan.FromMinutes(10), default);
        var before = _w.Connector.Posts.Count;

        _w.Clock.Advance(TimeSpan.FromMinutes(12));
        await PostFileAsync(_w.Http, token, "b.mp4", Bytes(MediaBytes.Mp4(seed: 2)), "slow-run-0001");
        Assert.True((bool)(await DoneAsync(_w.Http, token, "slow-run-0001"))["sent"]!);

        var ack = Assert.Single(_w.TextsSince(before));
        Assert.Contains("b.mp4", ack, StringComparison.Ordinal);
        Assert.DoesNotContain("a.jpg", ack, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sweeper_runs_on_the_clock_by_itself()
    {
        var token = Token(await _w.LinkAsync());
        await PostFileAsync(_w.Http, token, "自己.jpg", Bytes(MediaBytes.Jpeg(seed: 9)), "self-run-0001");
        var before = _w.Connector.Posts.Count;

        // One sweep interval at a time, each once the sweeper waits on its timer again, until it has spoken.
        var interval = _w.Services.GetRequiredService<UploadPageOptions>().SweepInterval;
        var started = _w.Clock.GetUtcNow();
        var spoke = _w.Connector.PostedAsync(p => ((string?)p?["text"])?.Contains("自己.jpg", StringComparison.Ordinal) == true);
        for (var step = 0; !spoke.IsCompleted && step < 120; step++)
        {
            var armed = _w.Clock.TimerArmed(interval);
            _w.Clock.Advance(interval);
            await Task.WhenAny(armed, spoke).WaitAsync(HangGuard.Limit);
        }
        await spoke.WaitAsync(HangGuard.Limit);
        Assert.Contains("自己.jpg", Assert.Single(_w.TextsSince(before)), StringComparison.Ordinal);
        Assert.True(_w.Clock.GetUtcNow() - started >= TimeSpan.FromMinutes(10), "not before the quiet time");
    }
}
