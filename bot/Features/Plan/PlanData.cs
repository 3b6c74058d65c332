namespace VocEdWeek.Bot.Features.Plan;

/// <summary>附件1 as stored: contact, plan summary, promotion column address and the planned activities.</summary>
public sealed record PlanData
{
    public string LiaisonName { get; init; } = "";
    public string Phone { get; init; } = "";
    public string Email { get; init; } = "";
    public string PlanSummary { get; init; } = "";
    public string ColumnUrl { get; init; } = "";
    public IReadOnlyList<PlannedActivity> Activities { get; init; } = [];
}

/// <summary>One planned activity; <see cref="Id"/> stays the same across versions so daily reports can refer to it.</summary>
public sealed record PlannedActivity
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public string Category { get; init; } = "";
    public DateOnly Date { get; init; }
    public string Place { get; init; } = "";
    public string Audience { get; init; } = "";
    public long? Expected { get; init; }
    public bool Public { get; init; }
}
