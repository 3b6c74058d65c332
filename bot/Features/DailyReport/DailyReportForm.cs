using System.Text.Json.Nodes;
using VocEdWeek.Bot.Features.Forms;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.DailyReport;

/// <summary>
/// The daily materials (before 12:00): activities held, participants, 典型活动案例, 典型职教故事,
/// 重点和特色活动报道, outside media links. Photos and videos are sent in the chat.
/// </summary>
public sealed class DailyReportForm(ReportChoices choices, ItemFiles files) : IForm
{
    private static readonly string[] TextFields = ["typicalCase", "story", "featureReport"];
    private static readonly string[] Fields = ["held", "newActivities", "participants", "typicalCase", "story", "featureReport", "mediaLinks"];
    public const int MaxText = 3000;

    public ItemKind Kind => ItemKind.DailyReport;

    public string Template => "daily-report-form";

    public string? Unavailable(FormSession s, WeekItem item)
    {
        var day = item.Day!.Value;
        if (!s.Calendar.IsWeekDay(day))
            return s.T.Format("report_outside_week", WeekTime.ShortDay(day, s.T), s.Week.Definition.Title, WeekTime.Range(s.Calendar, s.T), WeekTime.ShortDay(s.Calendar.Week.Start, s.T));
        return day > s.Today ? s.T.Format("report_future", WeekTime.Day(day, s.T)) : null;
    }

    public JsonObject Values(FormSession s, WeekItem item, Submission? current)
    {
        var values = new JsonObject();
        foreach (var f in Fields) values[f] = "";
        if (current is null) return values;
        var report = FormJson.Deserialize<DailyReportData>(current.Data);
        values["held"] = string.Join(',', report.Held.Select(h => h.Id));
        values["participants"] = report.Participants;
        values["typicalCase"] = report.TypicalCase;
        values["story"] = report.Story;
        values["featureReport"] = report.FeatureReport;
        values["mediaLinks"] = string.Join('\n', report.MediaLinks);
        return values;
    }

    public JsonObject Read(FormSession s, WeekItem item, FormInput input)
    {
        var values = new JsonObject();
        foreach (var f in Fields) values[f] = input.Text(f);
        values["held"] = input.Trimmed("held");
        return values;
    }

    public FormCheck Check(FormSession s, WeekItem item, JsonObject values)
    {
        var t = s.T;
        var errors = new FieldErrors();
        string V(string key) => FormJson.Text(values, key);
        var ticked = V("held").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct().ToList();
        // Only the ticked ids are looked up: the stored versions behind the choices are read until they are all found.
        var offered = choices.Find(s, item.Day!.Value, ticked);
        var held = new List<HeldActivity>();
        foreach (var id in ticked)
        {
            if (offered.TryGetValue(id, out var c)) held.Add(new HeldActivity(c.Id, c.Name, c.Planned));
            else errors.Add("activities", t["report_err_unknown_activity"]);
        }
        var added = V("newActivities").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (added.Count > 20) errors.Add("activities", t.Format("form_err_too_many_lines", 20));
        foreach (var name in added)
        {
            if (name.Length > 100) errors.Add("activities", t.Format("report_err_activity_name", FormRules.Shorten(name, 20), 100));
            var id = ReportChoices.NewActivityId(name);
            if (held.All(h => h.Id != id)) held.Add(new HeldActivity(id, name, false));
        }
        if (held.Count == 0) errors.Add("activities", t["report_err_no_activity"]);

        var (participants, participantsError) = FormRules.WholeNumber(t, V("participants"), required: true, max: 1_000_000);
        errors.Add("participants", participantsError);
        foreach (var f in TextFields) errors.Add(f, FormRules.Text(t, V(f), MaxText, required: false));
        if (TextFields.All(f => V(f).Trim().Length == 0)) errors.Add("typicalCase", t["report_err_no_text"]);
        var (links, linksError) = FormRules.UrlLines(t, V("mediaLinks"), maxLines: 20, maxLength: 500);
        errors.Add("mediaLinks", linksError);
        if (errors.Any) return new FormCheck(errors, null);

        return new FormCheck(errors, FormJson.Serialize(new DailyReportData
        {
            Day = item.Day!.Value, Held = held, Participants = participants!.Value,
            TypicalCase = V("typicalCase").Trim(), Story = V("story").Trim(), FeatureReport = V("featureReport").Trim(), MediaLinks = links,
        }));
    }

    public JsonObject Data(FormSession s, WeekItem item, JsonObject values, FieldErrors errors)
    {
        var offered = choices.For(s, item.Day!.Value);
        var shown = (JsonObject)values.DeepClone();
        shown["participants"] = FormJson.Number(FormJson.Text(values, "participants"));
        return new JsonObject
        {
            ["v"] = shown,
            ["e"] = errors.ToJson(["activities", "participants", .. TextFields, "mediaLinks"]),
            ["filesNote"] = ItemFiles.Describe(files.Stored(s, item), s.T) is { Length: > 0 } received ? s.T.Format("report_files_received", received) : "",
            ["hasChoices"] = offered.Count > 0,
            ["choiceStyle"] = offered.Count <= 6 ? "expanded" : "compact",
            ["choices"] = new JsonArray(offered.Select(c => (JsonNode)new JsonObject { ["title"] = c.Title, ["value"] = c.Id }).ToArray()),
        };
    }

    public IEnumerable<FormFact> Facts(FormSession s, WeekItem item, Submission stored)
    {
        var t = s.T;
        var report = FormJson.Deserialize<DailyReportData>(stored.Data);
        string Excerpt(string text) => text.Length == 0 ? "—" : FormRules.Shorten(text, 60);
        yield return new(t["report_fact_day"], WeekTime.Day(report.Day, t));
        yield return new(t["report_fact_activities"], string.Join(t["list_separator"], report.Held.Select(h => h.Name)));
        yield return new(t["report_participants"], report.Participants.ToString(t.Culture));
        yield return new(t["report_typical_case"], Excerpt(report.TypicalCase));
        yield return new(t["report_story"], Excerpt(report.Story));
        yield return new(t["report_feature"], Excerpt(report.FeatureReport));
        yield return new(t["report_fact_media"], t.Format("report_fact_media_value", report.MediaLinks.Count));
    }
}
