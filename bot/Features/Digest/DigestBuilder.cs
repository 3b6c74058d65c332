using System.Text.Json;
using System.Text.Json.Nodes;
using VocEdWeek.Bot.Cards;
using VocEdWeek.Bot.Features.DailyReport;
using VocEdWeek.Bot.Features.Forms;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Progress;
using VocEdWeek.Bot.Recommendations;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.Digest;

/// <summary>
/// The digest for one report day, computed live: today's on-time / late / missing counts, the department ×
/// day grid for the week so far, highlights from today's reports, photo and video counts, files SharePoint has not
/// taken yet (failed or retrying), and the missing
/// departments with their liaisons @mentioned (by Entra object id, else e-mail/UPN).
/// </summary>
public sealed class DigestBuilder(ProgressService progress, ISubmissionStore submissions, IMediaStore media, IPickStore picks, DigestOptions options)
{
    private const int MaxMediaLinks = 4;

    public DigestModel Build(ActiveWeek week, DateOnly day, DateTimeOffset asOf)
    {
        var t = Strings.For(week.Definition.Locale);
        var calendar = week.Calendar;
        var item = new WeekItem(ItemKind.DailyReport, day);
        var snapshot = progress.ForWeek(week);
        var today = snapshot.Item(item);
        var counts = new List<DigestCount>
        {
            new(t["digest_on_time"], today.OnTime, "Good"),
            new(t["digest_late"], today.Late.Count, "Warning"),
            new(t["digest_missing"], today.Missing.Count, today.Missing.Count > 0 ? "Attention" : "Default"),
        };
        if (today.Exempt > 0) counts.Add(new DigestCount(t["digest_exempt"], today.Exempt, "Accent"));

        var days = calendar.Days.Where(d => d <= day).ToList();
        var rows = week.Definition.Departments.Select(d => Row(snapshot, d, days, t)).ToList();
        var gridNote = "";
        if (rows.Count > options.FullGridMax)
        {
            var shown = rows.Where(r => r.Cells.Any(c => c.Symbol != t["digest_sym_on_time"] && c.Symbol != t["digest_sym_open"])).ToList();
            if (shown.Count < rows.Count) gridNote = t.Format("digest_grid_hidden", rows.Count - shown.Count);
            rows = shown;
        }

        return new DigestModel(
            week, item,
            t.Format("digest_title", ItemNames.Title(item, t)),
            t.Format("digest_subtitle", week.Definition.Title, WeekTime.DateTime(asOf, calendar, t)),
            counts,
            Highlights(week, item, t),
            Media(week, item, t),
            Uploads(week, t),
            today.Missing.Select(m => Missing(m.Department, t["list_separator"])).ToList(),
            days.Select(d => t.Format("digest_day", d)).ToList(),
            rows,
            gridNote);
    }

    private static DigestRow Row(WeekProgress snapshot, Department department, IReadOnlyList<DateOnly> days, Strings t) =>
        new(department.Id, department.Name, days.Select(d =>
        {
            var p = snapshot.Department(department, new WeekItem(ItemKind.DailyReport, d));
            return p.Status switch
            {
                ItemStatus.OnTime => new DigestCell(t["digest_sym_on_time"], "Good"),
                ItemStatus.Late => new DigestCell(t["digest_sym_late"], "Warning"),
                ItemStatus.MadeUp => new DigestCell(t["digest_sym_made_up"], "Warning"),
                ItemStatus.Exempt => new DigestCell(t["digest_sym_exempt"], "Accent"),
                _ => p.Overdue ? new DigestCell(t["digest_sym_missing"], "Attention") : new DigestCell(t["digest_sym_open"], "Default"),
            };
        }).ToList());

    /// <summary>"**机电工程学院**　&lt;at&gt;张伟&lt;/at&gt;、&lt;at&gt;赵敏&lt;/at&gt;" with one mention entity per liaison who can be mentioned.</summary>
    public static DigestMissing Missing(Department department, string separator)
    {
        var mentions = new List<JsonObject>();
        var people = department.Liaisons.Select(p =>
        {
            var id = p.AadObjectId ?? p.Email;
            if (id is null) return p.Name;
            var text = $"<at>{System.Net.WebUtility.HtmlEncode(p.Name)}</at>";
            mentions.Add(new JsonObject
            {
                ["type"] = "mention",
                ["text"] = text,
                ["mentioned"] = new JsonObject { ["id"] = id, ["name"] = p.Name },
            });
            return text;
        });
        return new DigestMissing(department.Id, $"**{department.Name}**　{string.Join(separator, people)}", mentions);
    }

    private List<string> Highlights(ActiveWeek week, WeekItem item, Strings t)
    {
        var byDepartment = submissions.Summaries(week.Definition.Id)
            .Where(p => p.Key.Item == item.Key)
            .ToDictionary(p => p.Key.Department, p => p.Value.Current);
        var lines = new List<string>();
        // ★ before a highlight the office picked (择优推荐), so the channel sees what goes upward.
        var marks = PickMarks.Of(picks, week.Definition.Id);
        string Star(Department d, PickKind kind) => marks.Has(d.Id, item.Key, kind) ? PickMarks.Star + " " : "";
        foreach (var department in week.Definition.Departments)
        {
            if (!byDepartment.TryGetValue(department.Id, out var current) || Read(current.Data) is not { } report) continue;
            if (FirstLine(report.TypicalCase) is { } c) lines.Add($"{Star(department, PickKind.Case)}**{department.Name}**　{t["digest_typical_case"]}：{c}");
            if (FirstLine(report.Story) is { } s) lines.Add($"{Star(department, PickKind.Story)}**{department.Name}**　{t["digest_story"]}：{s}");
            if (lines.Count >= options.MaxHighlights) break;
        }
        return lines.Take(options.MaxHighlights).ToList();
    }

    private string Media(ActiveWeek week, WeekItem item, Strings t)
    {
        var files = media.ForWeek(week.Definition.Id).Where(m => m.ItemKey == item.Key && m.State == MediaState.Stored).ToList();
        var photos = files.Count(f => f.Kind == MediaKind.Photo);
        var videos = files.Count(f => f.Kind == MediaKind.Video);
        var departments = files.Where(f => f.Kind != MediaKind.Document).Select(f => f.DepartmentId).Distinct().Count();
        if (photos + videos == 0) return t["digest_media_none"];
        var line = t.Format("digest_media", photos, videos, departments);
        // The newest photos and videos already in SharePoint, linked, so the office can pick them for publicity.
        var linked = files.Where(f => f.Kind != MediaKind.Document && !string.IsNullOrEmpty(f.WebUrl))
            .OrderByDescending(f => f.ReceivedAt).Take(MaxMediaLinks).Select(MediaSummary.Link).ToList();
        return linked.Count == 0 ? line : line + t.Format("digest_media_links", string.Join(MediaSummary.Separator(t), linked));
    }

    /// <summary>
    /// "SharePoint：2 个文件上传失败，3 个重试中" for the whole week, so trouble reaches the office without anyone asking;
    /// files just received and not yet tried are normal and not mentioned.
    /// </summary>
    private string Uploads(ActiveWeek week, Strings t)
    {
        var pending = media.NotUploaded().Where(m => m.WeekId == week.Definition.Id && m.State == MediaState.Stored).ToList();
        var failed = pending.Count(m => m.Remote == RemoteState.Failed);
        var retrying = pending.Count(m => m.Remote == RemoteState.Waiting && m.RemoteAttempts > 0);
        return failed + retrying == 0 ? "" : t.Format("digest_uploads", failed, retrying);
    }

    private string? FirstLine(string text)
    {
        var line = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        if (string.IsNullOrEmpty(line)) return null;
        // A liaison's words, posted to the office under the bot's name: shown as text, never as links or formatting.
        return PlainText.Escape(line.Length > options.HighlightLength ? line[..options.HighlightLength] + "…" : line);
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
