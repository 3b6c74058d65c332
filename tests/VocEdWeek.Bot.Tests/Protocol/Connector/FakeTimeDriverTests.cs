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
        while (!pump.IsIdle) await Task.Delay(1);

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
}
