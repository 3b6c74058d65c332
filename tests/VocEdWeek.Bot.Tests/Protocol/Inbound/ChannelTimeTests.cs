using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using VocEdWeek.Bot.Platform;
using VocEdWeek.Bot.Protocol;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Tests.Protocol.Hardening;

namespace VocEdWeek.Bot.Tests.Protocol.Inbound;

/// <summary>
/// Issue 14's 12:00 rush: a report pressed at 11:59:59 that a busy bot reaches at 12:00:03 is on time. Its time is the
/// channel's timestamp (when Teams took the click), believed up to <see cref="ChannelTime.MaxCredit"/> back.
/// </summary>
public sealed class ChannelTimeTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Noon = new(2024, 5, 14, 12, 0, 0, TimeSpan.FromHours(8));
    private readonly FakeTimeProvider _clock = new(Noon.AddSeconds(3));
    private TestHost _bot = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        // Teams' timestamps are on the real clock (WallClock); here both clocks are the test's, so the delay is exact.
        _bot = await TestHost.StartAsync(new TestHostOptions
        {
            Clock = _clock, RecordingConnector = true, Services = s => s.AddSingleton(new WallClock(_clock)),
        });
        _client = _bot.Factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _bot.DisposeAsync();
    }

    [Theory]
    [InlineData(4, "已提交", "11:59:59")]
    [InlineData(0, "迟交", "12:00:03")]
    // Older than two minutes: a replayed or recorded activity, not a queue; judged by when it arrived.
    [InlineData(180, "迟交", "12:00:03")]
    // A timestamp from the future says nothing about when the user acted.
    [InlineData(-30, "迟交", "12:00:03")]
    public async Task A_report_is_judged_by_when_Teams_took_the_click(int secondsAgo, string status, string storedAt)
    {
        var submit = Wire.ReportSubmit(_bot.Recorder!.ServiceUrl);
        submit["timestamp"] = _clock.GetUtcNow().AddSeconds(-secondsAgo).ToString("O");

        var answer = await RawPost.JsonAsync(_client, submit);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains(status, await answer.Content.ReadAsStringAsync());
        var stored = Assert.Single(_bot.Get<ISubmissionStore>().History("2024-wuxi", "jd", "report:2024-05-14"));
        Assert.Equal(storedAt, new DateTimeOffset(stored.SubmittedAt, TimeSpan.Zero).ToOffset(TimeSpan.FromHours(8)).ToString("HH:mm:ss"));
    }

    [Theory]
    [InlineData("2024-05-14T03:59:55Z", 5)]
    [InlineData("2024-05-14T04:00:00Z", 0)]
    [InlineData("2024-05-14T04:00:05Z", 0)]
    [InlineData("2024-05-14T03:57:59Z", 0)]
    [InlineData("not a time", 0)]
    [InlineData(null, 0)]
    public void The_credit_is_the_channels_delay_on_the_real_clock(string? timestamp, int credit)
    {
        var realNow = new DateTimeOffset(2024, 5, 14, 4, 0, 0, TimeSpan.Zero);
        var arrived = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero); // a rehearsal clock: another day entirely

        Assert.Equal(arrived.AddSeconds(-credit), ChannelTime.Arrival(timestamp, arrived, realNow));
    }
}
