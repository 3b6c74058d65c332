using Microsoft.Extensions.DependencyInjection;
using VocEdWeek.Bot.Protocol.Connector;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Protocol.Connector;

/// <summary>The fake-time machinery the connector tests rely on.</summary>
public sealed class FakeTimeDriverTests
{
    [Fact]
    public async Task Advance_PostsTheWokenContinuationToThePumpBeforeReturning()
    {
        var time = new SteppingTimeProvider(ConnectorTestHost.Start);
        using var pump = new SingleThreadPump();
        var work = pump.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(1), time);
            return time.GetUtcNow();
        });
        await pump.WhenIdle().WaitAsync(HangGuard.Limit);

        time.AdvanceToNextTimer(TimeSpan.FromSeconds(10));

        Assert.False(pump.IsIdle && !work.IsCompleted, "the continuation must be queued on the pump when Advance returns");
        Assert.Equal(ConnectorTestHost.Start.AddSeconds(1), await work);
    }

    [Fact]
    public async Task RunAsync_JumpsFromTimerToTimerExactly()
    {
        var time = new SteppingTimeProvider(ConnectorTestHost.Start);
        using var driver = new FakeTimeDriver(time);

        var seen = await driver.RunAsync(async () =>
        {
            var stamps = new List<double>();
            foreach (var ms in new[] { 1500, 1, 250, 60_000 })
            {
                await Task.Delay(TimeSpan.FromMilliseconds(ms), time);
                stamps.Add((time.GetUtcNow() - ConnectorTestHost.Start).TotalMilliseconds);
            }
            return stamps;
        });

        Assert.Equal([1500.0, 1501.0, 1751.0, 61_751.0], seen);
    }

    [Fact]
    public async Task RunAsync_HoldsTimeWhileACallIsInFlightAndUntilItsCallerHasGoneOn()
    {
        await using var host = await ConnectorTestHost.StartAsync();
        var answer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Connector.Script("POST", "/held", FakeResponse.Json(200, "{}") with { HeldUntil = answer.Task });
        // Answered only once the server has the request: the pump is idle by then and a timer is pending, so a driver
        // that overlooked the call in flight would already be moving time.
        _ = host.Connector.WaitForAsync(r => r.Target.EndsWith("/held", StringComparison.Ordinal))
            .ContinueWith(_ => answer.SetResult(), TaskScheduler.Default);
        var client = host.Services.GetRequiredService<IHttpClientFactory>().CreateClient(ConnectorClient.HttpClientName);

        var (answered, followedUp, timerFired) = await host.RunAsync(async () =>
        {
            var timer = Task.Delay(TimeSpan.FromSeconds(1), host.Time);
            using var response = await client.PostAsync(host.Connector.BaseUrl + "held", new StringContent("{}"));
            var answeredAt = host.Time.GetUtcNow();
            // The call's continuation sets a timer due before the 1 s one: time must not move until it exists.
            await Task.Delay(TimeSpan.FromMilliseconds(10), host.Time);
            var followedUpAt = host.Time.GetUtcNow();
            await timer;
            return (answeredAt, followedUpAt, host.Time.GetUtcNow());
        });

        Assert.Equal(ConnectorTestHost.Start, answered);
        Assert.Equal(ConnectorTestHost.Start.AddMilliseconds(10), followedUp);
        Assert.Equal(ConnectorTestHost.Start.AddSeconds(1), timerFired);
    }

    [Fact]
    public async Task RunAsync_HoldsTimeWhileThePumpHasWork()
    {
        var time = new SteppingTimeProvider(ConnectorTestHost.Start);
        using var driver = new FakeTimeDriver(time);

        var (busyUntil, timerFired) = await driver.RunAsync(async () =>
        {
            var timer = Task.Delay(TimeSpan.FromMilliseconds(1), time);
            // A chain of posts, each queued by the one running: the pump has work all along, so time must stand still.
            var pump = SynchronizationContext.Current!;
            var chainEnded = new TaskCompletionSource<DateTimeOffset>();
            void Step(int left)
            {
                if (left == 0) chainEnded.SetResult(time.GetUtcNow());
                else pump.Post(_ => Step(left - 1), null);
            }
            Step(1000);
            var busyUntilAt = await chainEnded.Task;
            await timer;
            return (busyUntilAt, time.GetUtcNow());
        });

        Assert.Equal(ConnectorTestHost.Start, busyUntil);
        Assert.Equal(ConnectorTestHost.Start.AddMilliseconds(1), timerFired);
    }
}
