namespace VocEdWeek.Bot.Features.WeekSetup.Notice;

/// <summary>How to read a notice's loose times.</summary>
public sealed record NoticeParseOptions
{
    /// <summary>"X日前", "X日之前" and "下班前" mean this time on that day (Week:WorkdayEnd).</summary>
    public TimeOnly WorkdayEnd { get; init; } = new(17, 30);

    /// <summary>
    /// Last resort for the year when the notice names none: the next such date from today (the week's local date).
    /// Required so that a forgotten value cannot silently put the week in year 1.
    /// </summary>
    public required DateOnly Today { get; init; }
}
