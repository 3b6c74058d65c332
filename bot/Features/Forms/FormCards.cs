using System.Text.Json.Nodes;
using VocEdWeek.Bot.Cards;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.Forms;

/// <summary>Renders form cards (common header + the form's own data) and the read-only receipt.</summary>
public sealed class FormCards(CardTemplates cards, ISubmissionStore store, ItemFiles files, ReceiptHistory histories)
{
    // The texts go to the renderer apart (it keeps them converted once per language); the *Data methods put them in
    // the data, as the card samples for the reference templating engine need.
    public JsonObject Form(FormSession s, IForm form, WeekItem item, JsonObject values, FieldErrors errors, string cardId) =>
        cards.Render(form.Template, Fields(s, form, item, values, errors, cardId), s.T);

    /// <param name="duplicate">A repeated click, answered with the version stored before.</param>
    public JsonObject Receipt(FormSession s, IForm form, WeekItem item, Submission stored, bool duplicate) =>
        cards.Render("receipt", ReceiptFields(s, form, item, stored, duplicate), s.T);

    /// <summary>The template data of a form card: the form's own values, errors and choices, under a common header.</summary>
    public JsonObject FormData(FormSession s, IForm form, WeekItem item, JsonObject values, FieldErrors errors, string cardId) =>
        CardTemplates.WithTexts(Fields(s, form, item, values, errors, cardId), s.T);

    /// <summary>The template data of the read-only receipt of a stored version.</summary>
    public JsonObject ReceiptData(FormSession s, IForm form, WeekItem item, Submission stored) =>
        CardTemplates.WithTexts(ReceiptFields(s, form, item, stored, false).ToJson(), s.T);

    private JsonObject Fields(FormSession s, IForm form, WeekItem item, JsonObject values, FieldErrors errors, string cardId)
    {
        var t = s.T;
        var current = store.Current(s.WeekId, s.Department.Id, item.Key);
        var deadline = s.Calendar.DeadlineOf(item);
        var due = t.Format("form_due", WeekTime.DateTime(deadline, s.Calendar, t));
        var wouldBe = current is null ? StatusCalculator.Of(s.Calendar, item, s.Now, false) : ItemStatus.OnTime;
        if (wouldBe is ItemStatus.Late or ItemStatus.MadeUp)
            due += t.Format("form_due_passed", FormItems.StatusLabel(wouldBe, t));

        var data = form.Data(s, item, values, errors);
        data["weekId"] = s.WeekId;
        data["itemKey"] = item.Key;
        data["cardId"] = cardId;
        data["title"] = ItemNames.Title(item, t);
        data["subtitle"] = Subtitle(s);
        data["due"] = due;
        data["dueColor"] = wouldBe is ItemStatus.OnTime ? "Default" : "Warning";
        data["editNote"] = current is null ? "" : t.Format("form_edit_note", current.Version,
            WeekTime.DateTime(WeekTime.Instant(current.SubmittedAt), s.Calendar, t), current.Version + 1);
        data["notice"] = errors.Any ? t.Format("form_notice_errors", errors.Count) : "";
        return data;
    }

    // Built as the template engine's values (CardData): a receipt goes out on every submit.
    private CardData ReceiptFields(FormSession s, IForm form, WeekItem item, Submission stored, bool duplicate)
    {
        var t = s.T;
        var history = histories.Of(stored, duplicate);
        var firstAt = WeekTime.Instant(history.FirstSubmittedAt);
        var status = StatusCalculator.Of(s.Calendar, item, firstAt, false);
        var deadline = s.Calendar.DeadlineOf(item);
        var dueDay = s.Calendar.LocalDate(deadline);
        var at = WeekTime.Instant(stored.SubmittedAt);
        var received = ItemFiles.Describe(files.Stored(s, item), t);
        // The facts are what the liaison typed: text, never links or formatting (the file names below escape their own).
        var allFacts = form.Facts(s, item, stored).Select(f => f with { Value = PlainText.Escape(f.Value) }).ToList();
        if (received.Length > 0) allFacts.Add(new FormFact(t["receipt_files_title"], received));
        else if (item.Kind == ItemKind.DailyReport) allFacts.Add(new FormFact(t["receipt_files_title"], t["form_files_none_report"]));
        var facts = allFacts.Select(f => new CardData(2).Set("title", f.Title).Set("value", f.Value)).ToList();
        List<CardData> lines = history.Count > 1
            ? [.. history.Newest.Select(h => new CardData(1).Set("line",
                t.Format("receipt_history_line", h.Version, WeekTime.DateTime(WeekTime.Instant(h.SubmittedAt), s.Calendar, t), PlainText.Escape(h.SubmittedByName))))]
            : [];
        return new CardData(11)
            .Set("weekId", s.WeekId)
            .Set("itemKey", item.Key)
            .Set("title", ItemNames.Title(item, t))
            .Set("subtitle", Subtitle(s))
            .Set("statusText", t.Format("receipt_status", FormItems.StatusLabel(status, t), WeekTime.When(at, s.Calendar, t, dueDay)))
            .Set("statusColor", FormItems.StatusColor(status, false))
            .Set("versionText", t.Format("receipt_version", stored.Version, PlainText.Escape(stored.SubmittedByName)))
            .Set("lateNote", status is ItemStatus.Late or ItemStatus.MadeUp
                ? t.Format("receipt_late_note", WeekTime.DateTime(deadline, s.Calendar, t), WeekTime.DateTime(firstAt, s.Calendar, t))
                : "")
            .Set("facts", facts)
            .Set("hasHistory", lines.Count > 0)
            .Set("history", lines);
    }

    /// <summary>"机电工程学院 · 2024年职业教育活动周".</summary>
    public static string Subtitle(FormSession s) => s.T.Format("form_subtitle", s.Department.Name, s.Week.Definition.Title);
}
