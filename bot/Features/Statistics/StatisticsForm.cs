using System.Text.Json.Nodes;
using VocEdWeek.Bot.Features.DailyReport;
using VocEdWeek.Bot.Features.Forms;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.Statistics;

/// <summary>
/// 附件2 情况统计表: the counts the office reports upward, all whole numbers ≥ 0. Opens on the week's last
/// day; activities held is pre-filled from the daily reports, which are also summed up as a cross-check.
/// </summary>
public sealed class StatisticsForm(ISubmissionStore store) : IForm
{
    public const long Max = 1_000_000_000;

    public static readonly (string Section, string[] Fields)[] Layout =
    [
        ("activities", ["activitiesHeld"]),
        ("participants", ["studentParticipants", "teacherParticipants", "publicParticipants"]),
        ("enterprises", ["enterprises", "agreements", "jobsOffered"]),
        ("media", ["mediaNational", "mediaProvincial", "mediaMunicipal", "onlineViews"]),
    ];

    public static IEnumerable<string> Fields => Layout.SelectMany(s => s.Fields);

    public ItemKind Kind => ItemKind.Statistics;

    public string Template => "statistics-form";

    public string? Unavailable(FormSession s, WeekItem item) =>
        s.Today < s.Calendar.Week.End ? s.T.Format("after_week_not_yet", ItemNames.Title(item, s.T), WeekTime.ShortDay(s.Calendar.Week.End, s.T)) : null;

    public JsonObject Values(FormSession s, WeekItem item, Submission? current)
    {
        var values = new JsonObject();
        var stored = current is null ? null : JsonNode.Parse(current.Data) as JsonObject;
        foreach (var f in Fields) values[f] = stored?[f]?.DeepClone() ?? "";
        if (current is null && FromReports(s) is { Activities: > 0 } sums) values["activitiesHeld"] = sums.Activities;
        return values;
    }

    public JsonObject Read(FormSession s, WeekItem item, FormInput input)
    {
        var values = new JsonObject();
        foreach (var f in Fields) values[f] = input.Trimmed(f);
        return values;
    }

    public FormCheck Check(FormSession s, WeekItem item, JsonObject values)
    {
        var errors = new FieldErrors();
        var data = new JsonObject();
        foreach (var f in Fields)
        {
            var (n, error) = FormRules.WholeNumber(s.T, FormJson.Text(values, f), required: true, max: Max);
            errors.Add(f, error);
            if (n is { } value) data[f] = value;
        }
        return new FormCheck(errors, errors.Any ? null : data.ToJsonString());
    }

    public JsonObject Data(FormSession s, WeekItem item, JsonObject values, FieldErrors errors)
    {
        var t = s.T;
        var sections = Layout.Select(section => (JsonNode)new JsonObject
        {
            ["heading"] = t[$"stats_section_{section.Section}"],
            ["fields"] = new JsonArray(section.Fields.Select(f => (JsonNode)new JsonObject
            {
                ["id"] = f, ["label"] = t[$"stats_{f}"], ["value"] = FormJson.Number(FormJson.Text(values, f)), ["error"] = errors[f],
            }).ToArray()),
        }).ToArray();
        var sums = FromReports(s);
        return new JsonObject
        {
            ["v"] = values.DeepClone(),
            ["sections"] = new JsonArray(sections),
            ["fromReports"] = sums.Reports > 0 ? t.Format("stats_from_reports", sums.Reports, sums.Activities, sums.Participants) : "",
        };
    }

    public IEnumerable<FormFact> Facts(FormSession s, WeekItem item, Submission stored)
    {
        var data = JsonNode.Parse(stored.Data) as JsonObject ?? [];
        return Fields.Select(f => new FormFact(s.T[$"stats_{f}"], FormJson.Text(data, f)));
    }

    /// <summary>What the department's daily reports add up to: reports, distinct activities, participants.</summary>
    private (int Reports, int Activities, long Participants) FromReports(FormSession s)
    {
        var reports = s.Calendar.Days
            .Select(d => store.Current(s.WeekId, s.Department.Id, new WeekItem(ItemKind.DailyReport, d).Key))
            .OfType<Submission>()
            .Select(r => FormJson.Deserialize<DailyReportData>(r.Data))
            .ToList();
        // The same activity on two days counts once per day it was held.
        var activities = reports.Sum(r => r.Held.Count);
        return (reports.Count, activities, reports.Sum(r => r.Participants));
    }
}
