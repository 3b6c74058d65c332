using System.Globalization;
using System.Text.Json.Nodes;
using VocEdWeek.Bot.Cards;
using VocEdWeek.Bot.Features.WeekSetup.Notice;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.WeekSetup;

/// <summary>
/// The draft week read from a notice: every field editable, each one the notice did not give marked, and — when an earlier
/// week exists — whether to start with its departments and liaisons.
/// </summary>
public sealed class WeekDraftCard(CardTemplates cards)
{
    public const string Template = "week-draft";

    public JsonObject Render(string draftId, WeekDraft draft, string source, ActiveWeek? previous, string? error, Strings t, bool keepRoster = true) =>
        cards.Render(Template, Fields(draftId, draft, source, previous, error, t, keepRoster), t);

    /// <summary>The template data with the texts in it (the card samples expand it with the reference engine).</summary>
    public static JsonObject Data(string draftId, WeekDraft draft, string source, ActiveWeek? previous, string? error, Strings t, bool keepRoster) =>
        CardTemplates.WithTexts(Fields(draftId, draft, source, previous, error, t, keepRoster), t);

    // The texts go to the renderer apart: it keeps them converted once per language.
    private static JsonObject Fields(string draftId, WeekDraft draft, string source, ActiveWeek? previous, string? error, Strings t, bool keepRoster)
    {
        string Label(string field, string key) => t[key] + (draft.Missing.Contains(field) ? t["setup_missing_mark"] : "");
        var missing = draft.Missing.Select(f => t["setup_field_" + f]).ToList();
        return new JsonObject
        {
            ["draftId"] = draftId,
            ["source"] = t.Format("setup_draft_source", PlainText.Escape(source)),
            ["hasError"] = error is not null,
            ["error"] = error ?? "",
            ["hasMissing"] = missing.Count > 0,
            ["missing"] = missing.Count > 0 ? t.Format("setup_draft_missing", string.Join(t["list_separator"], missing)) : "",
            ["labels"] = new JsonObject
            {
                ["title"] = Label(WeekDraftFields.Title, "setup_field_Title"),
                ["theme"] = Label(WeekDraftFields.Theme, "setup_field_Theme"),
                ["school"] = Label(WeekDraftFields.School, "setup_field_School"),
                ["office"] = Label(WeekDraftFields.Office, "setup_field_Office"),
                ["start"] = Label(WeekDraftFields.Start, "setup_field_Start"),
                ["end"] = Label(WeekDraftFields.End, "setup_field_End"),
                ["plan"] = Label(WeekDraftFields.PlanDeadline, "setup_field_PlanDeadline"),
                ["daily"] = Label(WeekDraftFields.DailyReportTime, "setup_field_DailyReportTime"),
                ["statistics"] = Label(WeekDraftFields.StatisticsDeadline, "setup_field_StatisticsDeadline"),
                ["summary"] = Label(WeekDraftFields.SummaryDeadline, "setup_field_SummaryDeadline"),
            },
            ["title"] = draft.Title ?? "",
            ["theme"] = draft.Theme ?? "",
            ["school"] = draft.School ?? "",
            ["office"] = draft.Office ?? previous?.Definition.Office.Name ?? "",
            ["start"] = Date(draft.Start),
            ["end"] = Date(draft.End),
            ["planDate"] = Date(draft.PlanDeadline is { } p ? DateOnly.FromDateTime(p) : null),
            ["planTime"] = Time(draft.PlanDeadline),
            ["dailyTime"] = draft.DailyReportTime?.ToString("HH:mm", CultureInfo.InvariantCulture) ?? "",
            ["statsDate"] = Date(draft.StatisticsDeadline is { } s ? DateOnly.FromDateTime(s) : null),
            ["statsTime"] = Time(draft.StatisticsDeadline),
            ["summaryDate"] = Date(draft.SummaryDeadline is { } m ? DateOnly.FromDateTime(m) : null),
            ["summaryTime"] = Time(draft.SummaryDeadline),
            ["hasPrevious"] = previous is { Definition.Departments.Count: > 0 },
            ["keepRosterTitle"] = previous is null ? "" : t.Format("setup_keep_roster", previous.Definition.Title, previous.Definition.Departments.Count),
            ["keepRoster"] = keepRoster ? "true" : "false",
        };
    }

    private static string Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private static string Time(DateTime? d) => d?.ToString("HH:mm", CultureInfo.InvariantCulture) ?? "";
}
