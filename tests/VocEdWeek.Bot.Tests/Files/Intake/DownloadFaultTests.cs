using Microsoft.Extensions.DependencyInjection;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Files.Intake;

/// <summary>
/// Issue 15, hole 4: one bad download must fail alone. A link that accepts the connection and never answers does not
/// hold up another liaison's photo, and times out on the clock (a FakeTimeProvider here); a <c>file:</c> address is
/// refused with its reason while the good file of the same message is stored; neither is tried again at the next start.
/// </summary>
public sealed class DownloadFaultTests : IAsyncLifetime
{
    private IntakeWorld _w = null!;

    public async Task InitializeAsync() => _w = await IntakeWorld.StartAsync();

    public async Task DisposeAsync() => await _w.DisposeAsync();

    [Fact]
    public async Task A_link_that_never_answers_does_not_hold_up_another_liaisons_photo_and_then_times_out()
    {
        var hanging = _w.Downloads.Hang("/dl/never.jpg");
        await _w.PostAsync(_w.Message(IntakeWorld.Zhang, "act-hang", ("卡住.jpg", hanging)));
        await _w.Downloads.Requested("/dl/never.jpg").WaitAsync(IntakeWorld.Guard);

        await _w.PostAsync(_w.Message(IntakeWorld.Li, "act-li", ("校企签约.jpg", _w.Downloads.Serve("/dl/li.jpg", MediaBytes.Jpeg(5_000)))));
        var photo = await _w.Stored.Stored("校企签约.jpg").WaitAsync(IntakeWorld.Guard);
        Assert.Equal("xx", photo.DepartmentId);
        Assert.Contains("校企签约.jpg", await _w.MessageContainingAsync(IntakeWorld.Li, "已收到"), StringComparison.Ordinal);

        // Nothing has come from the hanging link for 30 s (Files:IdleTimeout) on the bot's clock: it fails alone, with its reason.
        _w.Clock.Advance(TimeSpan.FromSeconds(31));
        var ack = await _w.MessageContainingAsync(IntakeWorld.Zhang, "未能接收");
        Assert.Contains("卡住.jpg（下载超时", ack, StringComparison.Ordinal);
        var record = Assert.Single(_w.Get<IMediaStore>().Batch($"{IntakeWorld.ConversationOf(IntakeWorld.Zhang)}|act-hang"));
        Assert.Equal(MediaState.Refused, record.State);
        Assert.Empty(_w.Get<IMediaStore>().PendingBatches());
    }

    [Fact]
    public async Task A_file_address_fails_alone_and_the_good_file_of_the_same_message_is_stored()
    {
        var good = _w.Downloads.Serve("/dl/good.png", MediaBytes.Png(8_000));
        await _w.PostAsync(_w.Message(IntakeWorld.Zhang, "act-file-url", ("密码.jpg", "file:///etc/passwd"), ("开幕式.png", good)));

        var ack = await _w.MessageContainingAsync(IntakeWorld.Zhang, "已收到");
        Assert.Contains("已收到 1 张照片：开幕式.png", ack, StringComparison.Ordinal);
        Assert.Contains("密码.jpg（不支持的下载地址", ack, StringComparison.Ordinal);
        var batch = _w.Get<IMediaStore>().Batch($"{IntakeWorld.ConversationOf(IntakeWorld.Zhang)}|act-file-url");
        Assert.Equal([MediaState.Refused, MediaState.Stored], batch.Select(r => r.State));
        // Marked for good: nothing left for the next start to try again.
        Assert.Empty(_w.Get<IMediaStore>().PendingBatches());
    }

    [Fact]
    public async Task Plain_http_to_another_host_is_not_fetched()
    {
        await _w.PostAsync(_w.Message(IntakeWorld.Zhang, "act-http", ("内网.jpg", "http://169.254.169.254/latest/meta-data/")));
        var ack = await _w.MessageContainingAsync(IntakeWorld.Zhang, "未能接收");
        Assert.Contains("内网.jpg（不支持的下载地址", ack, StringComparison.Ordinal);
    }
}
