using System.Text.Json.Nodes;
using VocEdWeek.Bot.Features.Forms;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.Summary;

/// <summary>
/// 活动周总结: text, and/or a Word or PDF document sent in the chat (then the text may stay empty). Documents
/// count whether the file intake filed them under the summary or they were recorded with <see cref="SummaryService.AttachDocument"/>.
/// </summary>
public sealed class SummaryForm(SummaryService summaries, ItemFiles files) : IForm
{
    public const int MaxText = 5000;

    public ItemKind Kind => ItemKind.Summary;

    public string Template => "summary-form";

    public string? Unavailable(FormSession s, WeekItem item) =>
        s.Today < s.Calendar.Week.End ? s.T.Format("after_week_not_yet", ItemNames.Title(item, s.T), WeekTime.ShortDay(s.Calendar.Week.End, s.T)) : null;

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
        errors.Add("summaryText", FormRules.Text(s.T, text, MaxText, required: DocumentNames(s, item).Count == 0));
        return new FormCheck(errors, errors.Any ? null : FormJson.Serialize(new SummaryData { Text = text.Trim(), Documents = documents }));
    }

    public JsonObject Data(FormSession s, WeekItem item, JsonObject values, FieldErrors errors)
    {
        var documents = DocumentNames(s, item);
        return new JsonObject
        {
            ["v"] = values.DeepClone(),
            ["e"] = errors.ToJson(["summaryText"]),
            ["textRequired"] = documents.Count == 0,
            ["hasDocuments"] = documents.Count > 0,
            ["documents"] = new JsonArray(documents.Select(d => (JsonNode)new JsonObject { ["name"] = d }).ToArray()),
        };
    }

    private List<string> DocumentNames(FormSession s, WeekItem item) =>
        (summaries.Current(s.WeekId, s.Department.Id)?.Documents ?? []).Select(d => d.Name)
            .Concat(files.Stored(s, item).Where(f => f.Kind == VocEdWeek.Bot.Files.MediaKind.Document).Select(f => f.FileName))
            .Distinct().ToList();

    public IEnumerable<FormFact> Facts(FormSession s, WeekItem item, Submission stored)
    {
        var t = s.T;
        var data = FormJson.Deserialize<SummaryData>(stored.Data);
        yield return new(t["summary_text"], data.Text.Length == 0 ? "—" : t.Format("summary_fact_text", FormRules.Shorten(data.Text, 80), data.Text.Length));
        if (data.Documents.Count > 0) yield return new(t["summary_documents"], string.Join(t["list_separator"], data.Documents.Select(d => d.Name)));
    }
}
