namespace VocEdWeek.Bot.Features.DailyReport;

/// <summary>One day's report as stored: the activities held, participants, the three texts, media links.</summary>
public sealed record DailyReportData
{
    public DateOnly Day { get; init; }
    public IReadOnlyList<HeldActivity> Held { get; init; } = [];
    public long Participants { get; init; }
    public string TypicalCase { get; init; } = "";
    public string Story { get; init; } = "";
    public string FeatureReport { get; init; } = "";
    public IReadOnlyList<string> MediaLinks { get; init; } = [];
}

/// <summary>An activity held that day: one from the plan (its plan id) or one added in a report (id "n-…").</summary>
public sealed record HeldActivity(string Id, string Name, bool Planned);
