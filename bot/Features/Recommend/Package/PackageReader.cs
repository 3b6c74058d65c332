using System.Text.Json;
using VocEdWeek.Bot.Features.DailyReport;
using VocEdWeek.Bot.Features.Exports;
using VocEdWeek.Bot.Features.Forms;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Recommendations;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.Recommend.Package;

/// <summary>
/// What goes into the recommendation package: the office's active picks (nominations only once the office picked them;
/// withdrawn picks never), in the week file's order of departments, then by day, then case, story, featured report,
/// photos and videos as picked. Texts are the report's current version; an item whose text was emptied or whose file is
/// gone is left out rather than shown blank. Each of the package's three writers reads this afresh.
/// </summary>
public sealed class PackageReader(IPickStore picks, ISubmissionStore submissions, IMediaStore media, ExportOptions options)
{
    public IReadOnlyList<PackageItem> Read(ActiveWeek week)
    {
        var weekId = week.Definition.Id;
        var active = picks.Active(weekId).Where(p => p.Source == PickSource.Office).ToList();
        var names = new PackageNames();
        var items = new List<PackageItem>();
        foreach (var department in week.Definition.Departments)
        {
            var ofDepartment = active.Where(p => p.DepartmentId == department.Id)
                .Select(p => (Pick: p, Day: WeekItem.Parse(p.ItemKey) is { Kind: ItemKind.DailyReport, Day: { } d } ? d : (DateOnly?)null))
                .Where(x => x.Day is not null)
                .OrderBy(x => x.Day).ThenBy(x => x.Pick.Kind).ThenBy(x => x.Pick.At);
            foreach (var (pick, day) in ofDepartment)
            {
                if (Item(week, department, day!.Value, pick, items.Count + 1, names) is { } item) items.Add(item);
            }
        }
        return items;
    }

    private PackageItem? Item(ActiveWeek week, Department department, DateOnly day, Pick pick, int number, PackageNames names)
    {
        if (pick.Kind is PickKind.Photo or PickKind.Video)
        {
            if (pick.MediaId is null || media.Find(pick.MediaId) is not { State: MediaState.Stored } file
                || file.WeekId != week.Definition.Id || file.DepartmentId != department.Id) return null;
            var linked = file.Kind == MediaKind.Video && file.Size > options.RecommendMaxVideoBytes;
            return new PackageItem(number, department, day, pick.Kind, pick, file.FromName)
            {
                Media = file,
                Linked = linked,
                ZipName = linked ? null : names.Next(department.Name, day, number, file.OriginalName.Length > 0 ? file.OriginalName : file.FileName),
            };
        }
        var report = submissions.Current(week.Definition.Id, department.Id, pick.ItemKey);
        if (report is null || Parse(report.Data) is not { } data) return null;
        var text = pick.Kind switch
        {
            PickKind.Case => data.TypicalCase,
            PickKind.Story => data.Story,
            _ => data.FeatureReport,
        };
        return text.Trim().Length == 0 ? null : new PackageItem(number, department, day, pick.Kind, pick, report.SubmittedByName) { Text = text.Trim() };
    }

    private static DailyReportData? Parse(string json)
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
