using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Operations.Metrics;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Operations;

/// <summary>A queue in front of the app is not silent: late turns are measured and warned about, a few lines per backlog.</summary>
public sealed class TurnBacklogTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2024, 5, 14, 3, 59, 0, TimeSpan.Zero));
    private readonly CapturingLoggerProvider _logs = new();
    private readonly ServiceProvider _services;
    private readonly MetricCapture _metrics;
    private readonly TurnBacklog _backlog;

    public TurnBacklogTests()
    {
        _services = new ServiceCollection()
            .AddLogging(l => l.AddProvider(_logs))
            .AddMetrics()
            .AddSingleton<TimeProvider>(_clock)
            .AddSingleton<BotMetrics>()
            .AddSingleton<TurnBacklog>()
            .BuildServiceProvider();
        _metrics = new MetricCapture(_services.GetRequiredService<IMeterFactory>());
        _backlog = _services.GetRequiredService<TurnBacklog>();
    }

    public void Dispose()
    {
        _metrics.Dispose();
        _services.Dispose();
    }

    private IReadOnlyList<CapturingLoggerProvider.CapturedLog> Lines => _logs.Entries.Where(e => e.Category == typeof(TurnBacklog).FullName).ToList();

    private void Run(TimeSpan age)
    {
        _backlog.Started(Turn(_clock.GetUtcNow() - age));
        _backlog.Ended();
    }

    [Fact]
    public void On_time_turns_write_nothing_and_a_timestamp_ahead_of_the_clock_is_not_late()
    {
        Run(TimeSpan.FromSeconds(1));
        Run(TurnBacklog.Threshold - TimeSpan.FromMilliseconds(1));
        Run(TimeSpan.FromSeconds(-40));

        Assert.Empty(Lines);
        Assert.Equal([1, 2.999, 0], _metrics.Of("vocedweek.turn.age").Select(m => Math.Round(m.Value, 3)));
    }

    [Fact]
    public void A_backlog_of_thousands_writes_one_warning_per_interval_counting_the_late_turns_between_and_one_line_when_over()
    {
        for (var i = 0; i < 1000; i++) Run(TimeSpan.FromSeconds(5 + i % 7));
        var first = Assert.Single(Lines);
        Assert.Equal(LogLevel.Warning, first.Level);
        Assert.Contains("1 turn(s) began 3 s or more after the user acted", first.Message);
        Assert.Contains("this one 5.0 s, the worst 5.0 s", first.Message);
        Assert.Contains("1 turns in flight", first.Message); // itself

        _clock.Advance(TurnBacklog.Every);
        Run(TimeSpan.FromSeconds(20));
        Assert.Equal(2, Lines.Count);
        // The 999 after the first line, and this one.
        Assert.Contains("1000 turn(s) began", Lines[1].Message);
        Assert.Contains("this one 20.0 s, the worst 20.0 s", Lines[1].Message);

        // On time again, but within the interval: nothing yet; a late turn meanwhile is counted in the next line.
        Run(TimeSpan.Zero);
        Run(TimeSpan.FromSeconds(4));
        Assert.Equal(2, Lines.Count);
        _clock.Advance(TurnBacklog.Every);
        Run(TimeSpan.Zero);
        var over = Lines[2];
        Assert.Equal(LogLevel.Information, over.Level);
        Assert.Equal("Turns start on time again; 1 more late turn(s) since the last warning, the worst 4.0 s", over.Message);

        // Over means over: more on-time turns write nothing, and the next late one warns at once.
        Run(TimeSpan.Zero);
        Assert.Equal(3, Lines.Count);
        Run(TimeSpan.FromSeconds(3));
        Assert.Equal(4, Lines.Count);
        Assert.Equal(LogLevel.Warning, Lines[3].Level);
    }

    [Fact]
    public void Turns_in_flight_are_counted_up_and_down()
    {
        _backlog.Started(Turn(_clock.GetUtcNow()));
        _backlog.Started(Turn(_clock.GetUtcNow()));
        Assert.Equal(2, _backlog.InFlight);
        _backlog.Ended();
        Assert.Equal(1, _backlog.InFlight);
        _backlog.Ended();

        Assert.Equal(0, _backlog.InFlight);
        Assert.Equal([1, 1, -1, -1], _metrics.Of("vocedweek.turns.in_flight").Select(m => m.Value));
        Assert.All(_metrics.Of("vocedweek.turn.age"), m => Assert.Equal("s", m.Unit));
    }

    private static TurnContext Turn(DateTimeOffset acted) => new(new RecordingMessenger())
    {
        Kind = TurnKind.Message,
        Conversation = new ConversationRef("https://smba.example/", "a:chat", "tenant-1", "28:bot", "bot", ConversationScope.Personal, "29:user", "aad-user"),
        User = new UserRef("29:user", "aad-user", "张伟"),
        Culture = CultureInfo.GetCultureInfo("zh-CN"),
        ReceivedAt = acted,
    };
}
