using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Time.Testing;
using VocEdWeek.Bot.Hosting;

namespace VocEdWeek.Bot.Tests.Hosting;

/// <summary>
/// Issue 13: instances behind one load balancer start and restart at different moments; with Clock:StartAtUtcInstant they
/// all read the same rehearsal time, where Clock:StartAt alone starts each at its own start.
/// </summary>
public sealed class RehearsalClockTests
{
    private static readonly DateTimeOffset StartAt = new(2024, 5, 14, 10, 59, 20, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset RealStart = new(2026, 12, 5, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Two_clocks_made_at_different_moments_with_one_anchor_read_the_same_time()
    {
        var real = new FakeTimeProvider(RealStart + TimeSpan.FromSeconds(3));
        var first = new RehearsalTimeProvider(StartAt, real, RealStart);
        real.Advance(TimeSpan.FromSeconds(25));
        var restarted = new RehearsalTimeProvider(StartAt, real, RealStart);

        Assert.Equal(StartAt + TimeSpan.FromSeconds(28), first.GetUtcNow());
        Assert.Equal(first.GetUtcNow(), restarted.GetUtcNow());
        real.Advance(TimeSpan.FromSeconds(40));
        Assert.Equal(StartAt + TimeSpan.FromSeconds(68), restarted.GetUtcNow());
    }

    [Fact]
    public void Without_an_anchor_each_clock_starts_at_StartAt_when_it_is_made()
    {
        var real = new FakeTimeProvider(RealStart);
        var first = new RehearsalTimeProvider(StartAt, real);
        real.Advance(TimeSpan.FromSeconds(25));
        var later = new RehearsalTimeProvider(StartAt, real);

        Assert.Equal(StartAt + TimeSpan.FromSeconds(25), first.GetUtcNow());
        Assert.Equal(StartAt, later.GetUtcNow());
    }

    [Fact]
    public void The_setting_anchors_the_clock_the_app_uses()
    {
        var time = Clock(new() { ["Clock:StartAt"] = "2024-05-14T10:59:20+08:00", ["Clock:StartAtUtcInstant"] = "2020-01-01T00:00:00Z" });

        // Years after the anchor: the rehearsal clock is years past StartAt, not seconds.
        Assert.True(time.GetUtcNow() - StartAt > TimeSpan.FromDays(365 * 6), time.GetUtcNow().ToString("O"));
    }

    [Fact]
    public void A_bad_anchor_stops_start_up_naming_the_key()
    {
        var ex = Assert.Throws<ConfigurationException>(() =>
            Clock(new() { ["Clock:StartAt"] = "2024-05-14T10:59:20+08:00", ["Clock:StartAtUtcInstant"] = "soon" }));

        Assert.StartsWith("Clock:StartAtUtcInstant 'soon' is not a date-time", ex.Message);
    }

    private static TimeProvider Clock(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddClock(configuration, new HostingEnvironment { EnvironmentName = "Development" });
        return services.BuildServiceProvider().GetRequiredService<TimeProvider>();
    }
}
