using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VocEdWeek.Bot.Protocol.Connector;
using VocEdWeek.Bot.Protocol.Inbound;

namespace VocEdWeek.Bot.Tests.Protocol.Inbound;

/// <summary>
/// Hole 5: one user's flood through the real endpoint. Past the inbound limit each message is answered at once
/// with 200 and no turn; the chat hears "请稍后再发" at most once a minute; the log has one warning per burst and no
/// errors; another user is served as usual; a reply that cannot get past Teams' send limits before its turn's
/// deadline is dropped, never sent late, and the HTTP answer still comes. The clock is fake and stands still
/// unless the test moves it.
/// </summary>
public sealed class FloodTests
{
    private const string Notice = "请稍后再发";
    private static readonly string Limiter = typeof(InboundLimiter).FullName!;

    [Fact]
    public async Task A_flood_is_answered_at_once_without_turns_and_told_to_slow_down_once_a_minute()
    {
        // 5 per user (not the shipped 20) so the admitted turns' replies fit in one second of Teams' per-chat send
        // limit (7/1 s): every turn then ends while the clock stands still, and only the limiter is being tested.
        await using var world = await FloodWorld.StartAsync(perUserLimit: 5);

        var round1 = await world.FloodAsync("flooder", 200);
        Assert.Equal(5, world.Turns.Started);
        Assert.All(await Task.WhenAll(round1), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await NoticesSentAsync(world);
        Assert.Equal(1, Notices(world));
        Assert.Equal(5, world.PostsTo("flooder").Count - Notices(world)); // the five turns' help cards

        // Card clicks past the limit: Action.Execute gets the documented one-line answer, other invokes 429; no turn.
        var click = await world.PostAsync(world.Invoke("flooder", "adaptiveCard/action", new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "help.open", ["data"] = new JsonObject() },
        }));
        Assert.Equal(HttpStatusCode.OK, click.StatusCode);
        var body = JsonNode.Parse(await click.Content.ReadAsStringAsync())!;
        Assert.Equal("application/vnd.microsoft.activity.message", (string?)body["type"]);
        Assert.Contains("稍后", (string?)body["value"], StringComparison.Ordinal);
        var fetch = await world.PostAsync(world.Invoke("flooder", "task/fetch", new JsonObject()));
        Assert.Equal(HttpStatusCode.TooManyRequests, fetch.StatusCode);
        Assert.Equal(5, world.Turns.Started);

        // Someone else, meanwhile, is served as usual.
        var other = await world.PostAsync(world.Message("colleague", "帮助"));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(6, world.Turns.Started);
        Assert.Single(world.PostsTo("colleague"));

        // 30 s on the allowance is back: a second burst (5 run, 20 refused) gets its own warning, no second notice.
        world.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.All(await Task.WhenAll(await world.FloodAsync("flooder", 25)), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(11, world.Turns.Started);
        await NoticesSentAsync(world);
        Assert.Equal(1, Notices(world));

        // A minute after the first notice, the next burst is told again.
        world.Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.All(await Task.WhenAll(await world.FloodAsync("flooder", 25)), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(16, world.Turns.Started);
        await NoticesSentAsync(world);
        Assert.Equal(2, Notices(world));

        var logs = world.Logs.Entries;
        Assert.Equal(3, logs.Count(l => l.Category == Limiter && l.Level == LogLevel.Warning)); // one per burst, not per message
        Assert.Equal(2, logs.Count(l => l.Category == Limiter && l.Message.Contains("is over", StringComparison.Ordinal)));
        Assert.DoesNotContain(logs, l => l.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task A_reply_stuck_behind_the_send_limit_past_its_deadline_is_dropped_and_the_answer_still_comes()
    {
        await using var world = await FloodWorld.StartAsync();
        // The chat already had 60 bot messages in the last 15 s (4 every 1.1 s, within 7/1 s and 8/2 s): Teams allows
        // the next one only 30 s after the first, later than a turn starting now may still answer (14 s).
        var sends = world.Services.GetRequiredService<ConnectorRateLimiter>();
        for (var batch = 0; batch < 15; batch++)
        {
            if (batch > 0) world.Clock.Advance(TimeSpan.FromSeconds(1.1));
            for (var i = 0; i < 4; i++) Assert.True(sends.AcquireAsync("a:busy", "tenant-1").IsCompletedSuccessfully);
        }

        var accounted = world.Turns.Expect(1);
        var post = world.PostAsync(world.Message("busy", "帮助"));
        await accounted.WaitAsync(TimeSpan.FromMinutes(2)); // the turn is running, its reply waiting
        Assert.False(post.IsCompleted);

        // Past the turn's 14 s budget but not the endpoint's 14.5 s answer limit: the turn itself gives up (and says so)
        // before the answer goes; advancing past both at once would let either timer's continuation win.
        world.Clock.Advance(TimeSpan.FromSeconds(14.2));
        var answer = await post.WaitAsync(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var logs = world.Logs.Entries;
        Assert.Contains(logs, l => l.Level == LogLevel.Warning && l.Message.Contains("budget", StringComparison.Ordinal) && l.Exception is null);
        world.Clock.Advance(TimeSpan.FromMinutes(5)); // past the moment the limit frees up
        Assert.Empty(world.PostsTo("busy")); // dropped, not sent late

        logs = world.Logs.Entries;
        Assert.DoesNotContain(logs, l => l.Level >= LogLevel.Error);
    }

    private static int Notices(FloodWorld world) =>
        world.PostsTo("flooder").Count(r => Regex.Unescape(r.Body).Contains(Notice, StringComparison.Ordinal));

    private static Task NoticesSentAsync(FloodWorld world) =>
        world.Services.GetRequiredService<SlowDownNotices>().IdleAsync().WaitAsync(TimeSpan.FromMinutes(2));
}
