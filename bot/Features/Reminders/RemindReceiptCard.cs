using System.Text.Json.Nodes;
using VocEdWeek.Bot.Cards;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Outbox;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.Reminders;

/// <summary>What the staff member sees after "一键催报": delivered N; not delivered M, each with the reason in words.</summary>
public sealed class RemindReceiptCard(CardTemplates cards)
{
    private const int MaxLines = 40;

    public JsonObject Render(ActiveWeek week, WeekItem item, IReadOnlyList<ReminderDispatch> dispatches, ReminderOptions options, Strings t) =>
        cards.Render("remind-receipt", Fields(week, item, dispatches, options, t), t);

    /// <summary>The template data with the texts in it (the card samples expand it with the reference engine).</summary>
    public static JsonObject Data(ActiveWeek week, WeekItem item, IReadOnlyList<ReminderDispatch> dispatches, ReminderOptions options, Strings t) =>
        CardTemplates.WithTexts(Fields(week, item, dispatches, options, t), t);

    // The texts go to the renderer apart: it keeps them converted once per language.
    private static JsonObject Fields(ActiveWeek week, WeekItem item, IReadOnlyList<ReminderDispatch> dispatches, ReminderOptions options, Strings t)
    {
        var calendar = week.Calendar;
        var delivered = dispatches.Where(d => d.Job?.State == OutboxState.Sent).ToList();
        var pending = dispatches.Where(d => d.Job is { State: OutboxState.Pending or OutboxState.Sending }).ToList();
        var failed = dispatches.Where(d => d.Job is { State: OutboxState.Failed or OutboxState.Gone or OutboxState.Canceled }).ToList();
        var skipped = dispatches.Where(d => d.Job is null).ToList();

        var counts = t.Format("remind_receipt_counts", delivered.Count, failed.Count);
        if (pending.Count > 0) counts += t.Format("remind_receipt_pending", pending.Count);
        if (skipped.Count > 0) counts += t.Format("remind_receipt_skipped", skipped.Count);
        var cooldown = (int)Math.Round(options.ClickCooldown.TotalMinutes);
        return new JsonObject
        {
            ["title"] = t.Format("remind_receipt_title", ItemNames.Title(item, t)),
            ["subtitle"] = t.Format("form_subtitle", week.Definition.Title, t.Format("remind_due", WeekTime.DateTime(calendar.DeadlineOf(item), calendar, t))),
            ["counts"] = counts,
            ["countsColor"] = failed.Count > 0 ? "Attention" : "Good",
            ["notDelivered"] = Lines(failed, d => OutcomeWords.Of(d.Job!, t), t),
            ["pending"] = Lines(pending, d => OutcomeWords.Of(d.Job!, t), t),
            ["skippedHeader"] = t["remind_skip_recent"],
            ["skipped"] = Lines(skipped, d => t.Format("remind_receipt_recent", d.RemindedAt is { } at ? WeekTime.Clock(at, calendar) : "", cooldown), t),
            ["delivered"] = Lines(delivered, _ => "", t),
            ["deliveredList"] = string.Join(t["list_separator"], delivered.Take(MaxLines).Select(d => Who(d, t))) + (delivered.Count > MaxLines ? "…" : ""),
            ["footer"] = t.Format("remind_receipt_footer", options.IncludeBackups ? t["remind_receipt_backups"] : ""),
        };
    }

    private static JsonArray Lines(IEnumerable<ReminderDispatch> dispatches, Func<ReminderDispatch, string> reason, Strings t) =>
        new(dispatches.Take(MaxLines).Select(d => (JsonNode)new JsonObject { ["who"] = Who(d, t), ["reason"] = reason(d) }).ToArray());

    private static string Who(ReminderDispatch d, Strings t) => t.Format("remind_person", d.Target.Person.Name, d.Target.Department.Name);
}
