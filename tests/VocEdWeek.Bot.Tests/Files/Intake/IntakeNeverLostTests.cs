using System.Net;
using Microsoft.Extensions.DependencyInjection;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Files.Intake;

/// <summary>
/// Issue 15, hole 3: a batch must be fetched even when the "正在接收 N 个文件" reply cannot be sent (the connector answers
/// 503 and the retries wait), and a message with thousands of attachments is cut to the per-message limit, persisted in
/// one go and answered at once, the rest refused with their number.
/// </summary>
public sealed class IntakeNeverLostTests : IAsyncLifetime
{
    private IntakeWorld _w = null!;

    public async Task InitializeAsync() => _w = await IntakeWorld.StartAsync();

    public async Task DisposeAsync() => await _w.DisposeAsync();

    [Fact]
    public async Task Files_are_fetched_while_the_receiving_reply_is_stuck_on_a_503_connector()
    {
        // Every send answers 503; the connector client's backoff waits on the test's clock, which never moves: the reply is stuck.
        _w.Connector.ScriptAlways("POST", "/activities", FakeResponse.Error(503, "ServiceUnavailable"));
        var message = _w.Message(IntakeWorld.Zhang, "act-503",
            ("开幕式.jpg", _w.Downloads.Serve("/dl/opening.jpg", MediaBytes.Jpeg(40_000))),
            ("技能展示.mp4", _w.Downloads.Serve("/dl/skills.mp4", MediaBytes.Mp4(90_000))));

        var turn = _w.PostAsync(message); // not awaited: the turn may well be waiting on the connector

        var photo = await _w.Stored.Stored("开幕式.jpg").WaitAsync(IntakeWorld.Guard);
        var video = await _w.Stored.Stored("技能展示.mp4").WaitAsync(IntakeWorld.Guard);
        Assert.Equal(40_000, photo.Size);
        Assert.Equal(90_000, video.Size);
        // The reply was tried, and failed. Awaited, not looked up: on a busy machine the downloads may finish before the
        // turn's first send reaches the connector.
        await _w.Connector.WaitForAsync(r => r.Method == "POST" && r.Target.Contains("/activities", StringComparison.Ordinal)).WaitAsync(IntakeWorld.Guard);
        Assert.Empty(_w.Get<IMediaStore>().PendingBatches());
        _ = turn;
    }

    [Fact]
    public async Task Four_thousand_attachments_are_bounded_persisted_at_once_and_the_rest_counted_as_refused()
    {
        var photo = _w.Downloads.Serve("/dl/p.jpg", MediaBytes.Jpeg(1_000));
        var files = Enumerable.Range(1, 4000).Select(i => ($"现场{i:0000}.jpg", photo)).ToArray();

        var response = await _w.PostAsync(_w.Message(IntakeWorld.Zhang, "act-flood", files));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var media = _w.Get<IMediaStore>();
        var batch = media.Batch($"{IntakeWorld.ConversationOf(IntakeWorld.Zhang)}|act-flood");
        Assert.Equal(20, batch.Count); // Files:MaxFilesPerMessage
        var ack = await _w.MessageContainingAsync(IntakeWorld.Zhang, "已收到");
        Assert.Contains("已收到 20 张照片", ack, StringComparison.Ordinal);
        Assert.Contains("另有 3980 个文件未接收", ack, StringComparison.Ordinal);
        Assert.DoesNotContain(_w.TextsTo(IntakeWorld.Zhang), t => t.Contains("抱歉", StringComparison.Ordinal));
        Assert.Equal(20, _w.Stored.Count);
        Assert.Equal(20, _w.Downloads.RequestCount);

        // Teams delivers the same message again: nothing new is recorded.
        Assert.Equal(HttpStatusCode.OK, (await _w.PostAsync(_w.Message(IntakeWorld.Zhang, "act-flood", files))).StatusCode);
        Assert.Equal(20, media.Batch($"{IntakeWorld.ConversationOf(IntakeWorld.Zhang)}|act-flood").Count);
    }
}
