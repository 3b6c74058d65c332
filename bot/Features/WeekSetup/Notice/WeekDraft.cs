using System.Globalization;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.WeekSetup.Notice;

/// <summary>
/// What a notice says about the week, for the office to check and complete. Deadlines are local date-times in the
/// week's zone. <see cref="Missing"/> names (<see cref="WeekDraftFields"/>) what the notice did not say.
/// </summary>
public sealed record WeekDraft
{
    public string? Title { get; init; }
    public string? Theme { get; init; }
    public string? School { get; init; }
    public string? Office { get; init; }
    public DateOnly? Start { get; init; }
    public DateOnly? End { get; init; }
    public DateTime? PlanDeadline { get; init; }
    public TimeOnly? DailyReportTime { get; init; }
    public DateTime? StatisticsDeadline { get; init; }
    public DateTime? SummaryDeadline { get; init; }
    public IReadOnlyList<string> Missing { get; init; } = [];

    /// <summary>The required fields (title, first and last day) still missing: a week file needs them.</summary>
    public IReadOnlyList<string> MissingRequired => WeekDraftFields.Required.Where(Missing.Contains).ToList();

    /// <summary>
    /// The week file for this draft, in the file's own formats. The notice's office name replaces
    /// <paramref name="office"/>'s when it gave one; the staff always come from <paramref name="office"/>. Departments
    /// are left empty (the roster is set up separately). Throws when <see cref="MissingRequired"/> is not empty.
    /// </summary>
    public WeekDefinition ToDefinition(string id, OfficeInfo office)
    {
        ArgumentNullException.ThrowIfNull(office);
        if (Title is null || Start is not { } start || End is not { } end)
        {
            throw new InvalidOperationException($"The draft lacks {string.Join(", ", MissingRequired)}.");
        }
        return new WeekDefinition
        {
            Id = id,
            Title = Title,
            Theme = Theme,
            School = School,
            Start = start,
            End = end,
            Deadlines = new WeekDeadlines
            {
                Plan = Format(PlanDeadline),
                DailyReport = DailyReportTime?.ToString("HH:mm", CultureInfo.InvariantCulture) ?? new WeekDeadlines().DailyReport,
                Statistics = Format(StatisticsDeadline),
                Summary = Format(SummaryDeadline),
            },
            Office = Office is null ? office : office with { Name = Office },
            Departments = [],
        };
    }

    private static string? Format(DateTime? when) => when?.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
}
