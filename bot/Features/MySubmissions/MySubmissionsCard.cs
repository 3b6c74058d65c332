using System.Text.Json.Nodes;
using VocEdWeek.Bot.Cards;
using VocEdWeek.Bot.Features.Forms;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.MySubmissions;

/// <summary>
/// A department's items (plan, each day, statistics, summary) with 未提交/已提交/迟交/补交/免报, computed in
/// the week's time zone from when the first version came in, and a button to fill or edit each open item.
/// </summary>
public sealed class MySubmissionsCard(CardTemplates cards, ISubmissionStore store, ItemFiles files, IEnumerable<IForm> forms)
{
    public const string Template = "my-submissions";
    private const int MaxFileNames = 3;

    public JsonObject Render(FormSession s) => cards.Render(Template, Fields(s), s.T);

    /// <summary>The template data with the texts in it (the card samples expand it with the reference engine).</summary>
    public JsonObject Data(FormSession s) => CardTemplates.WithTexts(Fields(s), s.T);

    // The texts go to the renderer apart: it keeps them converted once per language.
    private JsonObject Fields(FormSession s)
    {
        var t = s.T;
        var cal = s.Calendar;
        var summaries = store.Summaries(s.WeekId);
        var exemptions = store.Exemptions(s.WeekId);
        var items = new List<JsonNode>();
        int done = 0, overdue = 0;
        foreach (var item in cal.Items)
        {
            var key = (s.Department.Id, item.Key);
            var summary = summaries.GetValueOrDefault(key);
            DateTimeOffset? first = summary is null ? null : WeekTime.Instant(summary.FirstSubmittedAt);
            var status = StatusCalculator.Of(cal, item, first, exemptions.ContainsKey(key));
            var late = StatusCalculator.IsOverdue(cal, item, status, s.Now);
            if (status is not ItemStatus.Missing) done++;
            if (late) overdue++;
            var form = forms.First(f => f.Kind == item.Kind);
            var detail = first is { } at
                ? t.Format("mine_detail_submitted", WeekTime.DateTime(at, cal, t), summary!.Versions)
                : status == ItemStatus.Exempt ? t["mine_detail_exempt"] : t.Format("mine_detail_due", WeekTime.DateTime(cal.DeadlineOf(item), cal, t));
            items.Add(new JsonObject
            {
                ["itemKey"] = item.Key,
                ["title"] = ItemNames.Title(item, t),
                ["detail"] = detail,
                // A few names, each linking to SharePoint once uploaded: the status answer leads to the files.
                ["files"] = files.Stored(s, item) is { Count: > 0 } received ? MediaSummary.Describe(received, t, MaxFileNames) : "",
                ["status"] = FormItems.StatusLabel(status, t),
                ["statusColor"] = FormItems.StatusColor(status, late),
                ["canOpen"] = form.Unavailable(s, item) is null,
                ["button"] = first is null ? t["mine_fill"] : t["mine_edit"],
            });
        }
        return new JsonObject
        {
            ["weekId"] = s.WeekId,
            ["subtitle"] = FormCards.Subtitle(s),
            ["counts"] = t.Format("mine_counts", done, items.Count, overdue),
            ["items"] = new JsonArray(items.ToArray()),
        };
    }
}
