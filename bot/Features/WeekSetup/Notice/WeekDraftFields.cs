namespace VocEdWeek.Bot.Features.WeekSetup.Notice;

/// <summary>The names <see cref="WeekDraft.Missing"/> uses, one per field of the draft.</summary>
public static class WeekDraftFields
{
    public const string Title = nameof(WeekDraft.Title);
    public const string Theme = nameof(WeekDraft.Theme);
    public const string School = nameof(WeekDraft.School);
    public const string Office = nameof(WeekDraft.Office);
    public const string Start = nameof(WeekDraft.Start);
    public const string End = nameof(WeekDraft.End);
    public const string PlanDeadline = nameof(WeekDraft.PlanDeadline);
    public const string DailyReportTime = nameof(WeekDraft.DailyReportTime);
    public const string StatisticsDeadline = nameof(WeekDraft.StatisticsDeadline);
    public const string SummaryDeadline = nameof(WeekDraft.SummaryDeadline);

    /// <summary>What a week file cannot do without.</summary>
    public static readonly IReadOnlyList<string> Required = [Title, Start, End];
}
