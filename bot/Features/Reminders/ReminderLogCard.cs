using System.Text.Json.Nodes;
using VocEdWeek.Bot.Cards;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Outbox;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.Reminders;

/// <summary>"催报记录": the last reminders — who, what, when, how, and delivered or why not.</summary>
public sealed class ReminderLogCard(CardTemplates cards, IReminderLogStore log, OutboxQueue outbox, ReminderOptions options)
{
    /// <summary>The last <paramref name="count"/> entries, fewer if the card would pass the 28 KB budget.</summary>
    public JsonObject Render(ActiveWeek week, int count, DateTimeOffset now, Strings t)
    {
        var entries = log.Recent(week.Definition.Id, count);
        while (true)
        {
            var card = cards.Render("reminder-log", Fields(week, entries, entries.Count, now, t), t);
            if (entries.Count <= 1 || Digest.DigestBudget.WireBytes(card) <= Digest.DigestBudget.CardBytes) return card;
            entries = entries.Take(entries.Count * 3 / 4).ToList();
        }
    }

    /// <summary>The template data with the texts in it (the card samples expand it with the reference engine).</summary>
    public JsonObject Data(ActiveWeek week, IReadOnlyList<ReminderLogEntry> entries, int count, DateTimeOffset now, Strings t) =>
        CardTemplates.WithTexts(Fields(week, entries, count, now, t), t);

    // The texts go to the renderer apart: it keeps them converted once per language.
    private JsonObject Fields(ActiveWeek week, IReadOnlyList<ReminderLogEntry> entries, int count, DateTimeOffset now, Strings t)
    {
        var calendar = week.Calendar;
        var rows = entries.Select(e =>
        {
            var (outcome, color) = Outcome(e, t);
            var items = e.ItemKeys.Select(WeekItem.Parse).OfType<WeekItem>().Select(i => ItemNames.Title(i, t));
            return (JsonNode)new JsonObject
            {
                ["who"] = t.Format("remind_person", e.PersonName, e.DepartmentName),
                ["what"] = string.Join(t["list_separator"], items),
                ["when"] = WeekTime.DateTime(WeekTime.Instant(e.At), calendar, t),
                ["how"] = e.Trigger switch
                {
                    ReminderTrigger.Click => t.Format("remind_trigger_click", e.TriggeredBy ?? ""),
                    ReminderTrigger.Late => t["remind_trigger_late"],
                    _ => t["remind_trigger_auto"],
                },
                ["outcome"] = outcome,
                ["color"] = color,
            };
        }).ToArray();
        return new JsonObject
        {
            ["title"] = t["remind_log_title"],
            ["subtitle"] = t.Format("remind_log_subtitle", count, t.Format("fmt_datetime", calendar.ToLocal(now).DateTime)),
            ["entries"] = new JsonArray(rows),
        };
    }

    private (string Text, string Color) Outcome(ReminderLogEntry e, Strings t)
    {
        if (e.Skipped == "cap") return (t.Format("remind_skip_cap", options.MaxPerLiaisonPerDay), "Default");
        if (e.Skipped is not null) return (t["remind_skip_recent"], "Default");
        if (e.JobId is null || outbox.Find(e.JobId) is not { } job) return (t["outbox_outcome_failed"], "Attention");
        var color = job.State switch
        {
            OutboxState.Sent => "Good",
            OutboxState.Pending or OutboxState.Sending => "Warning",
            OutboxState.Canceled => "Default",
            _ => "Attention",
        };
        return (OutcomeWords.Of(job, t), color);
    }
}
