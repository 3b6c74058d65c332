using System.Text.Json;
using VocEdWeek.Bot.Cards;
using VocEdWeek.Bot.Features.DailyReport;
using VocEdWeek.Bot.Features.Forms;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Recommendations;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.Recommend;

/// <summary>
/// The week's candidates, read from the stores at every answer: each current daily report's three texts and the stored
/// photos and videos of report days, by day, then in the week file's order of departments, then texts before media.
/// </summary>
public sealed class CandidateReader(ISubmissionStore submissions, IMediaStore media)
{
    /// <summary>A first line longer than this is cut: the card shows many items and must stay under Teams' size limit.</summary>
    public const int LineLength = 60;

    public IReadOnlyList<Candidate> Read(ActiveWeek week, string? departmentId = null, DateOnly? day = null)
    {
        var weekId = week.Definition.Id;
        var all = new List<(Candidate Candidate, int Department, DateTime At)>();
        var departments = week.Definition.Departments;
        for (var index = 0; index < departments.Count; index++)
        {
            var department = departments[index];
            if (departmentId is not null && department.Id != departmentId) continue;
            foreach (var current in submissions.CurrentOfDepartment(weekId, department.Id))
            {
                if (ReportDay(current.ItemKey, day) is not { } d || Read(current.Data) is not { } report) continue;
                foreach (var (kind, text) in new[] { (PickKind.Case, report.TypicalCase), (PickKind.Story, report.Story), (PickKind.Featured, report.FeatureReport) })
                {
                    if (FirstLine(text) is { } line) all.Add((new Candidate(department, d, kind, null, line), index, DateTime.MinValue));
                }
            }
            foreach (var file in media.OfDepartment(weekId, department.Id))
            {
                if (file.State != MediaState.Stored || file.Kind is not (MediaKind.Photo or MediaKind.Video) || ReportDay(file.ItemKey, day) is not { } d) continue;
                var kind = file.Kind == MediaKind.Photo ? PickKind.Photo : PickKind.Video;
                all.Add((new Candidate(department, d, kind, file.Id, Cap(file.FileName)), index, file.ReceivedAt));
            }
        }
        return all.OrderBy(c => c.Candidate.Day).ThenBy(c => c.Department).ThenBy(c => c.Candidate.Kind).ThenBy(c => c.At)
            .Select(c => c.Candidate).ToList();
    }

    /// <summary>A report day of the week (and the asked day, when one is asked); null for the plan, statistics, summary.</summary>
    private static DateOnly? ReportDay(string itemKey, DateOnly? asked) =>
        WeekItem.Parse(itemKey) is { Kind: ItemKind.DailyReport, Day: { } d } && (asked is null || asked == d) ? d : null;

    /// <summary>A liaison's words shown to the office under the bot's name: plain text, never links or formatting.</summary>
    public static string? FirstLine(string? text)
    {
        var line = (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return string.IsNullOrEmpty(line) ? null : Cap(line);
    }

    private static string Cap(string line) => PlainText.Escape(line.Length > LineLength ? line[..LineLength] + "…" : line);

    private static DailyReportData? Read(string json)
    {
        try
        {
            return FormJson.Deserialize<DailyReportData>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
