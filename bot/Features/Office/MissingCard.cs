using System.Text.Json.Nodes;
using VocEdWeek.Bot.Cards;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Progress;
using VocEdWeek.Bot.Recommendations;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.Office;

/// <summary>
/// cards/missing.json: one item (plan, a day's report, statistics, summary) with its deadline, counts, the departments that
/// have not submitted and their liaisons (real @mentions in a channel or group chat), and the late ones with their times.
/// </summary>
public sealed class MissingCard(CardTemplates cards, IPickStore picks)
{
    public const string RemindVerb = "remind.missing";
    /// <summary>Rows tried first; fewer when the card would pass the size budget.</summary>
    private const int FirstTry = 80;
    /// <summary>Sizes the cut; the data's lists that grow with the rows shown.</summary>
    private readonly CardSizeModel _sizes = new(cards, "missing", ["missing", "late", "mentions"]);

    public JsonObject Render(WeekProgress snapshot, WeekItem item, Strings t, bool mention) => Compose(snapshot, item, t, mention).Card;

    public RenderedCard Compose(WeekProgress snapshot, WeekItem item, Strings t, bool mention) => Compose(snapshot, item, t, mention, false);

    /// <param name="renderEveryTry">Fit the old way (<see cref="CardBudget.FitByRendering"/>): the tests' reference.</param>
    internal RenderedCard Compose(WeekProgress snapshot, WeekItem item, Strings t, bool mention, bool renderEveryTry)
    {
        var week = snapshot.Week;
        var calendar = week.Calendar;
        var progress = snapshot.Item(item);
        // One pass over the departments (a thousand on a big week) for the lists and the counts.
        List<DepartmentProgress> missing = [], late = [];
        int onTime = 0, exempt = 0;
        foreach (var d in progress.Departments)
        {
            if (d.Status == ItemStatus.Missing) missing.Add(d);
            else if (d.Status is ItemStatus.Late or ItemStatus.MadeUp) late.Add(d);
            else if (d.Status == ItemStatus.OnTime) onTime++;
            else if (d.Status == ItemStatus.Exempt) exempt++;
        }
        var overdue = snapshot.Now > progress.Deadline;
        var title = ItemNames.Title(item, t);
        // ★: the day's picked items (择优推荐), named on the card the office reads most.
        var marks = item.Kind == ItemKind.DailyReport ? PickMarks.Of(picks, week.Definition.Id) : PickMarks.None;
        var picked = marks.Describe(week, item.Key, t);

        var rows = Math.Max(missing.Count, late.Count);
        JsonObject Data(int limit)
        {
            var shownMissing = Math.Min(missing.Count, limit);
            var shownLate = Math.Min(late.Count, Math.Max(limit / 2, Math.Min(limit, 5)));
            var mentions = new JsonArray();
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var missingRows = missing.Take(shownMissing).Select(d => (JsonNode)new JsonObject
            {
                ["name"] = d.Department.Name,
                ["people"] = People(d.Department, t, mention ? mentions : null, seen),
            }).ToArray();
            var lateRows = late.Take(shownLate).Select(d => (JsonNode)new JsonObject
            {
                ["name"] = marks.ForDay(d.Department.Id, item.Key).Count > 0 ? $"{d.Department.Name} {PickMarks.Star}" : d.Department.Name,
                ["status"] = OfficeFormat.LateAt(calendar, item, d.Status, d.FirstSubmittedAt!.Value, t),
            }).ToArray();
            return new JsonObject
            {
                ["weekId"] = week.Definition.Id,
                ["itemKey"] = item.Key,
                ["title"] = t.Format("office_missing_title", title),
                ["subtitle"] = t.Format("form_subtitle", week.Definition.Office.Name, week.Definition.Title),
                ["deadline"] = OfficeFormat.Deadline(calendar, item, snapshot.Now, t),
                ["deadlineColor"] = overdue && missing.Count > 0 ? "Attention" : "Default",
                ["counts"] = new JsonArray(
                    Count(t["office_count_total"], progress.Departments.Count, "Default"),
                    Count(t["office_count_on_time"], onTime, "Good"),
                    Count(t["office_count_late"], late.Count, "Warning"),
                    Count(t["office_count_missing"], missing.Count, missing.Count > 0 && overdue ? "Attention" : "Default"),
                    Count(t["office_count_exempt"], exempt, "Accent")),
                ["missingHeader"] = missing.Count > 0 ? t.Format("office_missing_header", missing.Count) : t["office_missing_none"],
                ["missingColor"] = missing.Count == 0 ? "Good" : overdue ? "Attention" : "Default",
                ["missing"] = new JsonArray(missingRows),
                ["missingNote"] = shownMissing < missing.Count ? t.Format("office_missing_more", shownMissing, missing.Count - shownMissing) : "",
                ["hasLate"] = late.Count > 0,
                ["lateHeader"] = t.Format("office_late_header", late.Count),
                ["late"] = new JsonArray(lateRows),
                ["lateNote"] = shownLate < late.Count ? t.Format("office_late_more", late.Count - shownLate) : "",
                ["asOf"] = OfficeFormat.AsOf(calendar, snapshot.Now, t),
                ["hasMissing"] = missing.Count > 0,
                ["picked"] = picked,
                ["mentions"] = mentions,
            };
        }
        return renderEveryTry
            ? CardBudget.FitByRendering(cards, "missing", t, rows, FirstTry, Data)
            : CardBudget.Fit(cards, "missing", t, rows, FirstTry, _sizes, Data);
    }

    /// <summary>Feed / notification line: "5月14日（周二）日报：未交 3，迟交/补交 1".</summary>
    public static string Summary(WeekProgress snapshot, WeekItem item, Strings t)
    {
        var progress = snapshot.Item(item);
        return t.Format("office_summary_missing", ItemNames.Title(item, t),
            progress.Departments.Count(d => d.Status == ItemStatus.Missing),
            progress.Departments.Count(d => d.Status is ItemStatus.Late or ItemStatus.MadeUp));
    }

    /// <summary>
    /// "王强 13800000003、赵敏（备）" in a personal chat; "&lt;at&gt;王强&lt;/at&gt;、…" with mention entities in a channel, where
    /// Teams matches <c>mentioned.id</c> by Entra object id or by UPN (the e-mail in the week file).
    /// </summary>
    private static string People(Department department, Strings t, JsonArray? mentions, HashSet<string> seen)
    {
        if (department.Liaisons.Count == 0) return t["office_no_liaison"];
        var names = department.Liaisons.OrderBy(p => p.Backup).Select(p =>
        {
            string shown;
            if (mentions is not null && (p.AadObjectId ?? p.Email) is { } id)
            {
                var mention = new Conversation.Mention(id, p.Name);
                shown = mention.Text;
                if (seen.Add(id))
                {
                    mentions.Add(new JsonObject
                    {
                        ["type"] = "mention",
                        ["text"] = mention.Text,
                        ["mentioned"] = new JsonObject { ["id"] = id, ["name"] = p.Name },
                    });
                }
            }
            else shown = mentions is null && p.Phone is { Length: > 0 } phone ? $"{p.Name} {phone}" : p.Name;
            return p.Backup ? t.Format("office_backup", shown) : shown;
        });
        return string.Join(t["list_separator"], names);
    }

    /// <summary>A big number with its label; a zero stays plain (a green or red 0 reads as a signal that is not there).</summary>
    private static JsonNode Count(string label, int value, string color) =>
        new JsonObject { ["label"] = label, ["value"] = value.ToString(System.Globalization.CultureInfo.InvariantCulture), ["color"] = value == 0 ? "Default" : color };
}
