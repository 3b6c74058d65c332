using System.Text.Json.Nodes;
using VocEdWeek.Bot.Features.Forms;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.Summary;

/// <summary>活动周总结: text, and/or a Word or PDF document sent in the chat (then the text may stay empty).</summary>
public sealed class SummaryForm(SummaryService summaries) : IForm
{
    public const int MaxText = 5000;

    public ItemKind Kind => ItemKind.Summary;

    public string Template => "summary-form";

    public string? Unavailable(FormSession s, WeekItem item) =>
        s.Today < s.Calendar.Week.End ? s.T.Format("after_week_not_yet", FormItems.Title(item, s.T), FormTime.ShortDay(s.Calendar.Week.End, s.T)) : null;

    public JsonObject Values(FormSession s, WeekItem item, Submission? current) => new()
    {
        ["summaryText"] = current is null ? "" : FormJson.Deserialize<SummaryData>(current.Data).Text,
    };

    public JsonObject Read(FormSession s, WeekItem item, FormInput input) => new() { ["summaryText"] = input.Text("summaryText") };

    public FormCheck Check(FormSession s, WeekItem item, JsonObject values)
    {
        var documents = summaries.Current(s.WeekId, s.Department.Id)?.Documents ?? [];
        var text = FormJson.Text(values, "summaryText");
        var errors = new FieldErrors();
        errors.Add("summaryText", FormRules.Text(s.T, text, MaxText, required: documents.Count == 0));
        return new FormCheck(errors, errors.Any ? null : FormJson.Serialize(new SummaryData { Text = text.Trim(), Documents = documents }));
    }

    public JsonObject Data(FormSession s, WeekItem item, JsonObject values, FieldErrors errors)
    {
        var documents = summaries.Current(s.WeekId, s.Department.Id)?.Documents ?? [];
        return new JsonObject
        {
            ["v"] = values.DeepClone(),
            ["e"] = errors.ToJson(["summaryText"]),
            ["textRequired"] = documents.Count == 0,
            ["hasDocuments"] = documents.Count > 0,
            ["documents"] = new JsonArray(documents.Select(d => (JsonNode)new JsonObject { ["name"] = d.Name }).ToArray()),
        };
    }

    public IEnumerable<FormFact> Facts(FormSession s, WeekItem item, Submission stored)
    {
        var t = s.T;
        var data = FormJson.Deserialize<SummaryData>(stored.Data);
        yield return new(t["summary_text"], data.Text.Length == 0 ? "—" : t.Format("summary_fact_text", FormRules.Shorten(data.Text, 80), data.Text.Length));
        yield return new(t["summary_documents"], data.Documents.Count == 0 ? "—" : string.Join(t["list_separator"], data.Documents.Select(d => d.Name)));
    }
}
