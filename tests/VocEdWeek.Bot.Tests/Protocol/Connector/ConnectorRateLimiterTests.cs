using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Protocol.Connector;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Protocol.Connector;

/// <summary>
/// Outgoing pacing. The end-to-end tests send through the real wiring to a <see cref="Fakes.FakeConnector"/>
/// that enforces Teams' per-thread limits and records, on the fake clock, when each request arrived.
/// </summary>
public sealed class ConnectorRateLimiterTests
{
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task BurstOf100ToOneConversation_ArrivesWithinTeamsThreadLimits()
    {
        await using var host = await ConnectorTestHost.StartAsync();
        host.Connector.EnforceTeamsLimits = true;
        var conversation = host.Conversation("19:burst@thread.tacv2;messageid=1");

        var results = await host.RunAsync(() => Task.WhenAll(
            Enumerable.Range(0, 100).Select(i => host.Messenger.SendAsync(conversation, OutgoingMessage.FromText("m" + i)))));

        Assert.All(results, r => Assert.Equal(DeliveryStatus.Delivered, r.Status));
        var requests = host.Connector.Requests;
        Assert.Equal(100, requests.Count);
        Assert.All(requests, r => Assert.Equal(201, r.Status));
        var times = requests.Select(r => r.ReceivedAt).ToList();
        RateWindowAssert.WithinLimit(times, 7, TimeSpan.FromSeconds(1));
        RateWindowAssert.WithinLimit(times, 8, TimeSpan.FromSeconds(2));
        RateWindowAssert.WithinLimit(times, 60, TimeSpan.FromSeconds(30));
        // Paced, not stalled: 7 at once, the 8th when the 1 s window (+50 ms margin) frees, the 61st when
        // the 30 s window does, and the 100th soon after.
        var seconds = times.Select(t => (t - ConnectorTestHost.Start).TotalSeconds).Order().ToList();
        Assert.Equal(7, seconds.Count(s => s == 0));
        Assert.Equal(1.05, seconds[7], 3);
        Assert.Equal(14.35, seconds[59], 3);
        Assert.Equal(30.05, seconds[60], 3);
        Assert.InRange(seconds[99], 39, 41);
    }

    [Fact]
    public async Task ManyConversationsInOneTenant_StayUnderTheTenantCeiling()
    {
        await using var host = await ConnectorTestHost.StartAsync();
        host.Connector.EnforceTeamsLimits = true;
        host.Connector.TenantRequestsPerSecond = 30;

        var results = await host.RunAsync(() => Task.WhenAll(Enumerable.Range(0, 120)
            .Select(i => host.Messenger.SendAsync(host.Conversation($"a:user-{i % 40}"), OutgoingMessage.FromText("m" + i)))));

        Assert.All(results, r => Assert.Equal(DeliveryStatus.Delivered, r.Status));
        var times = host.Connector.Requests.Select(r => r.ReceivedAt).ToList();
        Assert.Equal(120, times.Count);
        Assert.All(host.Connector.Requests, r => Assert.Equal(201, r.Status));
        Assert.Equal(30, RateWindowAssert.MaxInAnyWindow(times, OneSecond));
        Assert.Equal(30, times.Count(t => t == ConnectorTestHost.Start));
        Assert.All(host.Connector.Requests.GroupBy(r => r.Target), g => RateWindowAssert.WithinLimit(g.Select(r => r.ReceivedAt), 7, OneSecond));
        // 120 requests at 30 per second need four one-second slots, not more.
        Assert.InRange((times.Max() - ConnectorTestHost.Start).TotalSeconds, 3.0, 3.5);
    }

    [Fact]
    public async Task TenantCeiling_IsConfigurableAndPerTenant()
    {
        await using var host = await ConnectorTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Connector:TenantRequestsPerSecond"] = "5" });

        var tenantA = Enumerable.Range(0, 20).Select(i => host.Messenger.SendAsync(host.Conversation($"a:a{i}", "tenant-a"), OutgoingMessage.FromText("a")));
        var tenantB = Enumerable.Range(0, 5).Select(i => host.Messenger.SendAsync(host.Conversation($"a:b{i}", "tenant-b"), OutgoingMessage.FromText("b")));
        await host.RunAsync(() => Task.WhenAll(tenantA.Concat(tenantB)));

        var requests = host.Connector.Requests;
        var a = requests.Where(r => r.Body.Contains("tenant-a", StringComparison.Ordinal)).Select(r => r.ReceivedAt).ToList();
        var b = requests.Where(r => r.Body.Contains("tenant-b", StringComparison.Ordinal)).Select(r => r.ReceivedAt).ToList();
        Assert.Equal(20, a.Count);
        Assert.Equal(5, b.Count);
        Assert.Equal(5, RateWindowAssert.MaxInAnyWindow(a, OneSecond));
        Assert.All(b, t => Assert.Equal(ConnectorTestHost.Start, t));
        Assert.InRange((a.Max() - ConnectorTestHost.Start).TotalSeconds, 3.0, 3.5);
    }

    [Fact]
    public async Task Limiter_HonoursEveryThreadWindowOverAnHour()
    {
        var time = new SteppingTimeProvider(ConnectorTestHost.Start);
        var limiter = new ConnectorRateLimiter(new ConnectorOptions { TenantRequestsPerSecond = 1000, RateWindowMargin = TimeSpan.Zero }, time);

        using var driver = new FakeTimeDriver(time);

        var granted = await driver.RunAsync(() => Task.WhenAll(Enumerable.Range(0, 1900).Select(_ => limiter.AcquireAsync("19:thread@thread.tacv2", "t"))));

        Assert.Equal(1900, granted.Length);
        RateWindowAssert.WithinLimit(granted, 7, TimeSpan.FromSeconds(1));
        RateWindowAssert.WithinLimit(granted, 8, TimeSpan.FromSeconds(2));
        RateWindowAssert.WithinLimit(granted, 60, TimeSpan.FromSeconds(30));
        RateWindowAssert.WithinLimit(granted, 1800, TimeSpan.FromHours(1));
        Assert.Equal(1800, RateWindowAssert.MaxInAnyWindow(granted, TimeSpan.FromHours(1)));
        Assert.Equal(7, granted.Count(t => t == ConnectorTestHost.Start));
        // 1800 fit in the first hour (60 per 30 s); the rest wait for the hour window to slide.
        Assert.InRange((granted.Max() - ConnectorTestHost.Start).TotalSeconds, 3600, 3700);
    }

    [Fact]
    public async Task Limiter_WithMargin_SpacesWindowsSlightlyWider()
    {
        var time = new SteppingTimeProvider(ConnectorTestHost.Start);
        var limiter = new ConnectorRateLimiter(new ConnectorOptions { RateWindowMargin = TimeSpan.FromMilliseconds(50) }, time);

        using var driver = new FakeTimeDriver(time);

        var granted = await driver.RunAsync(() => Task.WhenAll(Enumerable.Range(0, 8).Select(_ => limiter.AcquireAsync("a:x", "t"))));

        Assert.Equal(7, granted.Count(t => t == ConnectorTestHost.Start));
        Assert.Equal(ConnectorTestHost.Start.AddSeconds(1.05), granted.Max());
    }

    [Fact]
    public async Task Limiter_DifferentThreadsDoNotWaitForEachOther()
    {
        var time = new SteppingTimeProvider(ConnectorTestHost.Start);
        var limiter = new ConnectorRateLimiter(new ConnectorOptions(), time);
        for (var i = 0; i < 7; i++) await limiter.AcquireAsync("a:busy", "t");

        var blocked = limiter.AcquireAsync("a:busy", "t");
        var other = limiter.AcquireAsync("a:other", "t");

        Assert.True(other.IsCompletedSuccessfully);
        Assert.False(blocked.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1.1));
        await blocked.WaitAsync(HangGuard.Limit);
    }

    [Fact]
    public async Task Limiter_ChannelThreadRepliesCountAgainstTheirChannel()
    {
        var time = new SteppingTimeProvider(ConnectorTestHost.Start);
        var limiter = new ConnectorRateLimiter(new ConnectorOptions(), time);
        for (var i = 0; i < 7; i++)
            await limiter.AcquireAsync(ConnectorPaths.ThreadKey($"19:c@thread.tacv2;messageid={i}"), "t");

        var next = limiter.AcquireAsync(ConnectorPaths.ThreadKey("19:c@thread.tacv2"), "t");

        Assert.False(next.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1.1));
        await next.WaitAsync(HangGuard.Limit);
    }

    [Fact]
    public async Task Limiter_CancelledWaiter_LetsTheNextOneThrough()
    {
        var time = new SteppingTimeProvider(ConnectorTestHost.Start);
        var limiter = new ConnectorRateLimiter(new ConnectorOptions(), time);
        for (var i = 0; i < 7; i++) await limiter.AcquireAsync("a:x", "t");
        using var cts = new CancellationTokenSource();

        var cancelled = limiter.AcquireAsync("a:x", "t", cts.Token);
        var queued = limiter.AcquireAsync("a:x", "t");
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.False(queued.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1.1));
        await queued.WaitAsync(HangGuard.Limit);
    }

    [Fact]
    public async Task Limiter_ForgetsIdleConversations()
    {
        var time = new SteppingTimeProvider(ConnectorTestHost.Start);
        var limiter = new ConnectorRateLimiter(new ConnectorOptions { TenantRequestsPerSecond = 1000 }, time);
        for (var i = 0; i < 500; i++) await limiter.AcquireAsync($"a:user-{i}", "t").WaitAsync(HangGuard.Limit);
        Assert.Equal(501, limiter.TrackedLanes);

        time.Advance(TimeSpan.FromMinutes(61));
        await limiter.AcquireAsync("a:fresh", "t");

        Assert.Equal(2, limiter.TrackedLanes);
    }
    [Fact]
    public async Task Limiter_AFreeSlotIsTakenAtOnce_AFullWindowStillWaits()
    {
        var time = new SteppingTimeProvider(ConnectorTestHost.Start);
        var limiter = new ConnectorRateLimiter(new ConnectorOptions(), time);
        // Both gates free, both windows with room: the slot is the caller's without waiting.
        Assert.True(limiter.AcquireAsync("a:x", "t").IsCompletedSuccessfully);
        for (var i = 1; i < 7; i++) await limiter.AcquireAsync("a:x", "t");
        var queued = limiter.AcquireAsync("a:x", "t");
        Assert.False(queued.IsCompleted);

        // The 1 s window has room again: the queued caller goes first; the 2 s window (8) then makes the next one wait.
        time.Advance(TimeSpan.FromSeconds(1.1));
        var newcomer = limiter.AcquireAsync("a:x", "t");
        await queued.WaitAsync(HangGuard.Limit);
        Assert.False(newcomer.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1.1));
        await newcomer.WaitAsync(HangGuard.Limit);
    }

    [Fact]
    public async Task Limiter_ACallerPastItsDeadline_GetsNoSlotEvenAFreeOne()
    {
        var time = new SteppingTimeProvider(ConnectorTestHost.Start);
        var limiter = new ConnectorRateLimiter(new ConnectorOptions(), time);
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => limiter.AcquireAsync("a:x", "t", cts.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => limiter.AcquireAsync(null, "t", cts.Token));
        // It took nothing: the thread still has its full 7 per second.
        for (var i = 0; i < 7; i++) Assert.True(limiter.AcquireAsync("a:x", "t").IsCompletedSuccessfully);
    }
}
