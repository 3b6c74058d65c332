using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Protocol.Connector;

/// <summary>
/// Retry policy and outcome classification against a scripted connector. Times are the fake clock's,
/// recorded by the server when each attempt arrived; back-off jitter is fixed at zero unless stated.
/// </summary>
public sealed class ConnectorRetryTests
{
    [Fact]
    public async Task Throttled_WithRetryAfterSeconds_WaitsThatLongThenDelivers()
    {
        await using var host = await ConnectorTestHost.StartAsync();
        host.Connector.Script("POST", "/activities", FakeResponse.Throttled(TimeSpan.FromSeconds(7)));

        var result = await host.RunAsync(() => host.Messenger.SendAsync(host.Conversation(), OutgoingMessage.FromText("x")));

        Assert.Equal(DeliveryStatus.Delivered, result.Status);
        var attempts = host.Connector.Requests;
        Assert.Equal(2, attempts.Count);
        Assert.Equal([429, 201], attempts.Select(a => a.Status));
        Assert.Equal(TimeSpan.FromSeconds(7), attempts[1].ReceivedAt - attempts[0].ReceivedAt);
    }

    [Fact]
    public async Task Throttled_WithRetryAfterHttpDate_WaitsUntilThatTime()
    {
        await using var host = await ConnectorTestHost.StartAsync();
        host.Connector.Script("POST", "/activities", FakeResponse.ThrottledUntil(ConnectorTestHost.Start.AddSeconds(12)));

        var result = await host.RunAsync(() => host.Messenger.SendAsync(host.Conversation(), OutgoingMessage.FromText("x")));

        Assert.True(result.Delivered);
        var attempts = host.Connector.Requests;
        Assert.Equal(2, attempts.Count);
        Assert.Equal(ConnectorTestHost.Start, attempts[0].ReceivedAt);
        Assert.Equal(ConnectorTestHost.Start.AddSeconds(12), attempts[1].ReceivedAt);
    }

    [Fact]
    public async Task Throttled_RetryAfterBeyondTheCap_WaitsOnlyTheCap()
    {
        await using var host = await ConnectorTestHost.StartAsync();
        host.Connector.Script("POST", "/activities", FakeResponse.Throttled(TimeSpan.FromSeconds(3600)));

        var result = await host.RunAsync(() => host.Messenger.SendAsync(host.Conversation(), OutgoingMessage.FromText("x")));

        Assert.True(result.Delivered);
        var attempts = host.Connector.Requests;
        Assert.Equal(TimeSpan.FromSeconds(60), attempts[1].ReceivedAt - attempts[0].ReceivedAt);
    }

    [Fact]
    public async Task Throttled_WithoutRetryAfter_BacksOffExponentially()
    {
        await using var host = await ConnectorTestHost.StartAsync();
        host.Connector.Script("POST", "/activities", FakeResponse.Throttled(), FakeResponse.Throttled(), FakeResponse.Throttled());

        var result = await host.RunAsync(() => host.Messenger.SendAsync(host.Conversation(), OutgoingMessage.FromText("x")));

        Assert.True(result.Delivered);
        Assert.Equal([0.0, 1.0, 3.0, 7.0], SecondsFromStart(host));
    }

    [Fact]
    public async Task ServiceUnavailable_RetriedThenDelivered()
    {
        await using var host = await ConnectorTestHost.StartAsync();
        host.Connector.Script("POST", "/activities", FakeResponse.Empty(503));

        var result = await host.RunAsync(() => host.Messenger.SendAsync(host.Conversation(), OutgoingMessage.FromText("x")));

        Assert.Equal(DeliveryStatus.Delivered, result.Status);
        Assert.Equal("1", result.ActivityId);
        Assert.Equal([503, 201], host.Connector.Requests.Select(r => r.Status));
        Assert.Equal([0.0, 1.0], SecondsFromStart(host));
    }

    [Theory]
    [InlineData(412, "PreconditionFailed")]
    [InlineData(502, "ServiceError")]
    [InlineData(504, null)]
    public async Task TransientStatus_RetriedThenDelivered(int status, string? code)
    {
        await using var host = await ConnectorTestHost.StartAsync();
        var failure = code is null ? FakeResponse.Empty(status) : FakeResponse.Error(status, code);
        host.Connector.Script("PUT", "/activities/", failure, failure);

        var result = await host.RunAsync(() => host.Messenger.UpdateAsync(host.Conversation(), "17", OutgoingMessage.FromText("x")));

        Assert.Equal(DeliveryStatus.Delivered, result.Status);
        Assert.Equal([status, status, 200], host.Connector.Requests.Select(r => r.Status));
        Assert.Equal([0.0, 1.0, 3.0], SecondsFromStart(host));
    }

    [Fact]
    public async Task ThrottledForever_GivesUpAfterFiveAttempts()
    {
        await using var host = await ConnectorTestHost.StartAsync();
        host.Connector.ScriptAlways("POST", "/activities", FakeResponse.Throttled());

        var result = await host.RunAsync(() => host.Messenger.SendAsync(host.Conversation(), OutgoingMessage.FromText("x")));

        Assert.Equal(DeliveryStatus.ThrottledGaveUp, result.Status);
        Assert.Equal(429, result.HttpStatus);
        Assert.Equal("Throttled", result.ErrorCode);
        Assert.Equal(5, host.Connector.Requests.Count);
        Assert.Equal([0.0, 1.0, 3.0, 7.0, 15.0], SecondsFromStart(host));
    }

    [Fact]
    public async Task UnavailableForever_GivesUpAsFailed()
    {
        await using var host = await ConnectorTestHost.StartAsync();
        host.Connector.ScriptAlways("POST", "/activities", FakeResponse.Empty(503));

        var result = await host.RunAsync(() => host.Messenger.SendAsync(host.Conversation(), OutgoingMessage.FromText("x")));

        Assert.Equal(DeliveryStatus.Failed, result.Status);
        Assert.Equal(503, result.HttpStatus);
        Assert.Equal(5, host.Connector.Requests.Count);
    }

    [Fact]
    public async Task BackOff_WithJitter_StaysWithinTwentyPercentOfDoubling()
    {
        await using var host = await ConnectorTestHost.StartAsync(fixedJitter: false);
        host.Connector.ScriptAlways("POST", "/activities", FakeResponse.Empty(503));

        await host.RunAsync(() => host.Messenger.SendAsync(host.Conversation(), OutgoingMessage.FromText("x")));

        var times = host.Connector.Requests.Select(r => r.ReceivedAt).ToList();
        Assert.Equal(5, times.Count);
        var gaps = times.Zip(times.Skip(1), (a, b) => (b - a).TotalSeconds).ToList();
        double[] nominal = [1, 2, 4, 8];
        for (var i = 0; i < gaps.Count; i++)
        {
            // Task.Delay counts whole milliseconds, hence the 1 ms tolerance.
            Assert.InRange(gaps[i], (nominal[i] * 0.8) - 0.001, (nominal[i] * 1.2) + 0.001);
        }
    }

    [Fact]
    public async Task DroppedConnection_AfterAPost_IsNotResent_ButReportedAsUnconfirmed()
    {
        // The fake read the message, then dropped the connection: Teams may have posted it, and it has no
        // idempotency key, so a second POST could show the message twice.
        await using var host = await ConnectorTestHost.StartAsync();
        host.Connector.ScriptAlways("POST", "/activities", FakeResponse.Dropped());

        var result = await host.RunAsync(() => host.Messenger.SendAsync(host.Conversation(), OutgoingMessage.FromText("x")));

        Assert.Equal(DeliveryStatus.Failed, result.Status);
        Assert.Null(result.HttpStatus);
        Assert.Equal("Unconfirmed", result.ErrorCode);
        Assert.Single(host.Connector.Requests);
    }

    [Fact]
    public async Task DroppedConnection_OnAnUpdate_IsRetried()
    {
        // PUT replaces the card with the same content: repeating it cannot duplicate anything.
        await using var host = await ConnectorTestHost.StartAsync();
        host.Connector.Script("PUT", "/activities/", FakeResponse.Dropped(), FakeResponse.Dropped());

        var result = await host.RunAsync(() => host.Messenger.UpdateAsync(host.Conversation(), "1", OutgoingMessage.FromText("x")));

        Assert.Equal(DeliveryStatus.Delivered, result.Status);
        Assert.Equal(3, host.Connector.Requests.Count);
    }

    [Fact]
    public async Task Success_IsSentExactlyOnce()
    {
        await using var host = await ConnectorTestHost.StartAsync();

        var result = await host.RunAsync(() => host.Messenger.SendAsync(host.Conversation(), OutgoingMessage.FromText("once")));
        // Five minutes on the fake clock, every timer on the way run and settled: a retry would have been sent by then.
        await host.RunAsync(() => Task.Delay(TimeSpan.FromMinutes(5), host.Time));

        Assert.True(result.Delivered);
        Assert.Single(host.Connector.Requests);
    }

    [Fact]
    public async Task Cancellation_WhileWaitingToRetry_Throws()
    {
        await using var host = await ConnectorTestHost.StartAsync();
        host.Connector.ScriptAlways("POST", "/activities", FakeResponse.Throttled(TimeSpan.FromSeconds(30)));
        using var cts = new CancellationTokenSource();

        var send = host.Messenger.SendAsync(host.Conversation(), OutgoingMessage.FromText("x"), ct: cts.Token);
        await host.Connector.WaitForAsync(_ => true).WaitAsync(HangGuard.Limit);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => send);
        Assert.Single(host.Connector.Requests);
    }

    private static double[] SecondsFromStart(ConnectorTestHost host) =>
        host.Connector.Requests.Select(r => (r.ReceivedAt - ConnectorTestHost.Start).TotalSeconds).ToArray();
}
