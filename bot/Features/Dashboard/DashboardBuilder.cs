using System.Text.Json;
using VocEdWeek.Bot.Features.DailyReport;
using VocEdWeek.Bot.Features.Forms;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Progress;
using VocEdWeek.Bot.Recommendations;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.Dashboard;

/// <summary>Reads the week from the stores on every request (a live page, never a cached summary).</summary>
public sealed class DashboardBuilder(ProgressService progress, ISubmissionStore submissions, IMediaStore media, IPickStore picks, DashboardOptions options)
{
    /// <summary>The case list shows this many, newest day first: enough to pick from on a phone, never the whole archive.</summary>
    public const int MaxCases = 60;

    public DashboardData Build(ActiveWeek week)
    {
        var snapshot = progress.ForWeek(week);
        var items = snapshot.AllItems();
        var calendar = week.Calendar;
        var today = calendar.LocalDate(snapshot.Now);
        // The totals speak of today's report during the week, of the last day after it, of none before it.
        var day = calendar.IsWeekDay(today) ? today : today > week.Definition.End ? week.Definition.End : (DateOnly?)null;
        var reportDay = day is { } d ? items.First(i => i.Item.Kind == ItemKind.DailyReport && i.Item.Day == d) : null;

        var (cases, stories, caseList) = Texts(week);
        var stored = media.ForWeek(week.Definition.Id).Where(m => m.State == MediaState.Stored).ToList();
        var photos = Newest(stored, MediaKind.Photo);
        var videos = Newest(stored, MediaKind.Video);
        return new DashboardData(
            snapshot, items, reportDay, day == today,
            cases, stories, photos.Count, videos.Count,
            photos.Take(Math.Max(0, options.GalleryPhotos)).ToList(),
            videos.Take(Math.Max(0, options.ListedVideos)).ToList(),
            caseList, PickMarks.Of(picks, week.Definition.Id));
    }

    private static List<MediaRecord> Newest(IEnumerable<MediaRecord> stored, MediaKind kind) =>
        stored.Where(m => m.Kind == kind).OrderByDescending(m => m.ReceivedAt).ThenByDescending(m => m.Id, StringComparer.Ordinal).ToList();

    /// <summary>Current daily reports with a typical case, and with a story; the cases themselves, newest day first.</summary>
    private (int Cases, int Stories, IReadOnlyList<DashboardCase> CaseList) Texts(ActiveWeek week)
    {
        int cases = 0, stories = 0;
        var list = new List<(DashboardCase Case, int Order)>();
        var order = week.Definition.Departments.Select((d, i) => (d.Id, i)).ToDictionary(p => p.Id, p => p.i);
        foreach (var (key, summary) in submissions.Summaries(week.Definition.Id))
        {
            if (!key.Item.StartsWith("report:", StringComparison.Ordinal) || Read(summary.Current.Data) is not { } report) continue;
            if (!string.IsNullOrWhiteSpace(report.TypicalCase))
            {
                cases++;
                if (week.Department(key.Department) is { } department && WeekItem.Parse(key.Item)?.Day is { } day)
                    list.Add((new DashboardCase(department, day, FirstLine(report.TypicalCase)), order[department.Id]));
            }
            if (!string.IsNullOrWhiteSpace(report.Story)) stories++;
        }
        var newest = list.OrderByDescending(c => c.Case.Day).ThenBy(c => c.Order).Select(c => c.Case).Take(MaxCases).ToList();
        return (cases, stories, newest);
    }

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
        return line.Length > 80 ? line[..80] + "…" : line;
    }

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
