namespace VocEdWeek.Bot.Protocol.Connector;

/// <summary>At most <see cref="Limit"/> requests in any span of <see cref="Period"/>.</summary>
public readonly record struct RateWindow(int Limit, TimeSpan Period)
{
    /// <summary>Teams' per-bot, per-thread limits for sends and conversation creation (protocol.md §4).</summary>
    public static readonly IReadOnlyList<RateWindow> TeamsPerThread =
    [
        new(7, TimeSpan.FromSeconds(1)),
        new(8, TimeSpan.FromSeconds(2)),
        new(60, TimeSpan.FromSeconds(30)),
        new(1800, TimeSpan.FromSeconds(3600)),
    ];
}
