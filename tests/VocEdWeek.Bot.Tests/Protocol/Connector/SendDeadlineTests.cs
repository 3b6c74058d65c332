using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Protocol.Connector;

/// <summary>
/// A message with a deadline (<see cref="OutgoingMessage.NotAfter"/>, what every turn reply carries) is dropped
/// when it would have to wait past it, for Teams' send limits or for a retry; it is never sent later.
/// </summary>
public sealed class SendDeadlineTests
{
    [Fact]
    public async Task Replies_stuck_behind_the_send_limit_past_their_deadline_are_dropped_not_sent_later()
    {
        await using var host = await ConnectorTestHost.StartAsync();
        var conversation = host.Conversation();
        var deadline = ConnectorTestHost.Start + TimeSpan.FromMilliseconds(500);

        var results = await host.RunAsync(() => Task.WhenAll(Enumerable.Range(0, 9)
            .Select(i => host.Messenger.SendAsync(conversation, OutgoingMessage.FromText($"reply {i}") with { NotAfter = deadline }))));
        await host.RunAsync(() => Task.Delay(TimeSpan.FromMinutes(10), host.Time));

        // 7 fit in Teams' first second for one chat; the 8th and 9th would have gone at ~1 s, after their deadline.
        Assert.Equal(7, results.Count(r => r.Delivered));
        Assert.All(results.Where(r => !r.Delivered), r => Assert.Equal("Expired", r.ErrorCode));
        Assert.Equal(7, host.Connector.Requests.Count);
    }

    [Fact]
    public async Task Without_a_deadline_the_same_replies_wait_and_all_go()
    {
        await using var host = await ConnectorTestHost.StartAsync();
        var conversation = host.Conversation();

        var results = await host.RunAsync(() => Task.WhenAll(Enumerable.Range(0, 9)
            .Select(i => host.Messenger.SendAsync(conversation, OutgoingMessage.FromText($"reply {i}")))));

        Assert.All(results, r => Assert.True(r.Delivered));
        Assert.Equal(9, host.Connector.Requests.Count);
    }

    [Fact]
    public async Task A_retry_that_would_land_after_the_deadline_is_not_made()
    {
        await using var host = await ConnectorTestHost.StartAsync();
        var conversation = host.Conversation();
        host.Connector.Script("POST", "/activities", FakeResponse.Error(503, "ServiceUnavailable", "busy"));

        var result = await host.RunAsync(() => host.Messenger.SendAsync(conversation,
            OutgoingMessage.FromText("reply") with { NotAfter = ConnectorTestHost.Start + TimeSpan.FromMilliseconds(500) }));

        Assert.Equal("Expired", result.ErrorCode); // the 1 s back-off would end after the deadline
        Assert.Single(host.Connector.Requests);
    }
}
