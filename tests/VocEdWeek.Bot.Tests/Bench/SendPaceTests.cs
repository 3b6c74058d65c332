using Microsoft.Extensions.Time.Testing;
using VocEdWeek.Bot.Bench.Compare;

namespace VocEdWeek.Bot.Tests.Bench;

/// <summary>
/// The benchmark's check that Teams' per-conversation send limits stayed out of its "help" row: sends that come as fast
/// as a limit allows are counted, sends spread over many conversations are not, and only sends into a conversation count.
/// </summary>
public sealed class SendPaceTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 5, 14, 3, 59, 0, TimeSpan.Zero));

    [Fact]
    public void The_ninth_send_to_one_conversation_within_two_seconds_is_near_the_limit()
    {
        var pace = new SendPace(clock);
        // 8 sends per 2 s is Teams' limit; 3 a second stays under 7 per 1 s.
        for (var i = 0; i < 8; i++)
        {
            pace.Called("/v3/conversations/a:1/activities/x");
            clock.Advance(TimeSpan.FromMilliseconds(250));
        }
        Assert.Equal(0, pace.NearLimit);
        pace.Called("/v3/conversations/a:1/activities/x");
        Assert.Equal(1, pace.NearLimit);
    }

    [Fact]
    public void The_same_rate_spread_over_many_conversations_is_far_from_every_limit()
    {
        var pace = new SendPace(clock);
        for (var i = 0; i < 20_000; i++)
        {
            pace.Called($"/v3/conversations/a:{i % 8_000}/activities/x");
            clock.Advance(TimeSpan.FromMilliseconds(0.14)); // ≈ 7,000 sends a second
        }
        Assert.Equal(0, pace.NearLimit);
    }

    [Fact]
    public void Two_thousand_conversations_at_that_rate_reach_a_limit()
    {
        var pace = new SendPace(clock);
        for (var i = 0; i < 40_000; i++)
        {
            pace.Called($"/v3/conversations/a:{i % 2_000}/activities/x");
            clock.Advance(TimeSpan.FromMilliseconds(0.13)); // ≈ 7,700 sends a second
        }
        Assert.True(pace.NearLimit > 0);
    }

    [Fact]
    public void Calls_that_are_not_sends_into_a_conversation_do_not_count()
    {
        var pace = new SendPace(clock);
        for (var i = 0; i < 20; i++)
        {
            pace.Called("/v3/conversations/a:1/members/29:1");
            pace.Called("/v3/conversations");
            pace.Called("/botframework.com/oauth2/token");
        }
        Assert.Equal(0, pace.NearLimit);
    }
}
