using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using VocEdWeek.Bot.Protocol;
using VocEdWeek.Bot.Protocol.Inbound;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Protocol.Inbound;

/// <summary>The limiter on its own: token buckets on a fake clock, its table kept small, what it never limits.</summary>
public sealed class InboundLimiterTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2024, 5, 14, 1, 30, 0, TimeSpan.Zero));
    private readonly CapturingLoggerProvider logs = new();

    private InboundLimiter Limiter(InboundOptions? options = null) =>
        new(options ?? new InboundOptions(), clock, new LoggerFactory([logs]).CreateLogger<InboundLimiter>());

    private static Activity Message(string user, string conversation, string type = "message") =>
        System.Text.Json.JsonSerializer.Deserialize<Activity>(new JsonObject
        {
            ["type"] = type,
            ["from"] = new JsonObject { ["id"] = "29:" + user },
            ["conversation"] = new JsonObject { ["id"] = conversation },
        }.ToJsonString(), WireJson.Options)!;

    [Fact]
    public void A_user_gets_a_burst_then_the_steady_rate()
    {
        var limiter = Limiter();
        Assert.Equal(20, Enumerable.Range(0, 50).Count(_ => limiter.Check(Message("u", "a:u")).Admitted));
        clock.Advance(TimeSpan.FromSeconds(1)); // 20 per 10 s: two more per second
        Assert.Equal(2, Enumerable.Range(0, 10).Count(_ => limiter.Check(Message("u", "a:u")).Admitted));
    }

    [Fact]
    public void A_channel_counts_all_its_threads_and_senders_but_one_flooder_does_not_use_up_the_others()
    {
        var limiter = Limiter(new InboundOptions { PerUserLimit = 5, PerConversationLimit = 12 });
        Assert.Equal(5, Enumerable.Range(0, 30).Count(_ => limiter.Check(Message("flooder", "19:c@thread.tacv2;messageid=1")).Admitted));
        var others = Enumerable.Range(0, 10).Count(i => limiter.Check(Message("user" + i, $"19:c@thread.tacv2;messageid={i}")).Admitted);
        Assert.Equal(7, others); // 12 for the channel, 5 taken by the flooder; its 25 refusals took none
    }

    [Fact]
    public void Installs_and_roster_changes_are_never_limited()
    {
        var limiter = Limiter(new InboundOptions { PerUserLimit = 1 });
        Assert.True(limiter.Check(Message("u", "a:u")).Admitted);
        Assert.All(new[] { "installationUpdate", "conversationUpdate" }, type => Assert.True(limiter.Check(Message("u", "a:u", type)).Admitted));
    }

    [Fact]
    public void The_table_forgets_quiet_senders_so_memory_does_not_grow_with_everyone_ever_seen()
    {
        var limiter = Limiter();
        for (var i = 0; i < 5000; i++) limiter.Check(Message("user" + i, "a:user" + i));
        Assert.Equal(10000, limiter.Tracked);
        clock.Advance(TimeSpan.FromMinutes(2));
        limiter.Check(Message("late", "a:late"));
        Assert.Equal(2, limiter.Tracked);
    }

    [Fact]
    public void A_megabyte_id_is_kept_as_a_short_key()
    {
        var limiter = Limiter(new InboundOptions { PerUserLimit = 1 });
        var huge = new string('x', 1_000_000);
        Assert.True(limiter.Check(Message(huge, "a:" + huge)).Admitted);
        Assert.False(limiter.Check(Message(huge, "a:" + huge)).Admitted);
        Assert.DoesNotContain(logs.Entries, l => l.Message.Length > 1000);
    }

    [Theory]
    [InlineData("Inbound:PerUserLimit", "PerUserLimit", 0)]
    [InlineData("Inbound:PerConversationLimit", "PerConversationLimit", -1)]
    public void A_bad_limit_is_named(string key, string property, int value)
    {
        var options = new InboundOptions();
        typeof(InboundOptions).GetProperty(property)!.SetValue(options, value);
        var ex = Assert.Throws<ConfigurationException>(options.ThrowIfInvalid);
        Assert.StartsWith(key, ex.Message, StringComparison.Ordinal);
    }
}
