namespace VocEdWeek.Bot.Outbox;

/// <summary>Asked just before a job goes out (also on retries): false cancels it as no longer needed.</summary>
public interface IOutboxGuard
{
    /// <summary>The topics this guard speaks for.</summary>
    string Topic { get; }

    bool StillWanted(OutboxJob job);
}
