namespace VocEdWeek.Bot.Submissions;

/// <summary>When a department's item came in — first version, current version — and how many versions: all that status needs.</summary>
public sealed record SubmissionTimes(DateTime FirstSubmittedAt, DateTime CurrentSubmittedAt, int Versions)
{
    public DateTimeOffset First => Utc(FirstSubmittedAt);

    public DateTimeOffset Current => Utc(CurrentSubmittedAt);

    /// <summary>Stored times are UTC; a value that lost its kind is read as UTC, never as server-local.</summary>
    private static DateTimeOffset Utc(DateTime t) =>
        new(t.Kind == DateTimeKind.Local ? t.ToUniversalTime() : DateTime.SpecifyKind(t, DateTimeKind.Utc), TimeSpan.Zero);
}
