namespace VocEdWeek.Bot.Storage;

/// <summary>Whether the configured database answers a read now (the readiness check's "database").</summary>
public interface IDatabaseHealth
{
    /// <summary>
    /// Asks the database; the answer's detail is safe to show to anyone (never a path, a host or a connection string).
    /// </summary>
    DatabaseAnswer Ask();
}

public sealed record DatabaseAnswer(bool Answers, string Detail);
