using System.Text.Json;
using VocEdWeek.Bot.Handlers;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Outbox;
using VocEdWeek.Bot.Progress;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.Reminders;

/// <summary>
/// "一键催报" (Action.Execute verb <c>remind.missing</c>, data {weekId, itemKey}): office staff only. Every
/// department still missing the item gets a 1:1 reminder per liaison (and backup), sent at once through
/// the outbox; the staff member's card turns into a receipt with each outcome in words.
/// </summary>
public sealed class RemindMissingHandler(
    WeekCatalog weeks, AccessGate gate, ProgressService progress, ReminderSender sender, OutboxQueue outbox,
    RemindReceiptCard receipt, ReminderOptions options, TimeProvider time) : ICardActionHandler
{
    public const string Verb = "remind.missing";

    public IEnumerable<string> Verbs => [Verb];

    public Access Access => Access.Staff;

    public async Task HandleAsync(TurnContext turn, CancellationToken ct)
    {
        var t = Strings.For(turn.Culture);
        var week = weeks.Active;
        // The access gate let only staff through; the member's name goes on the reminders.
        if (gate.Admitted(turn) is not { } member) return;
        if (week is null || Read(turn, "weekId") != week.Definition.Id || WeekItem.Parse(Read(turn, "itemKey")) is not { } item
            || !week.Calendar.Items.Contains(item))
        {
            await Reply.TextAsync(turn, t["remind_outdated"], ct);
            return;
        }
        var now = time.GetUtcNow();
        var targets = ReminderTarget.Missing(progress.ForWeek(week), [item], options.IncludeBackups);
        if (targets.Count == 0)
        {
            await Reply.TextAsync(turn, t.Format("remind_none_missing", ItemNames.Title(item, t)), ct);
            return;
        }
        var trigger = new ReminderTrigger(ReminderTrigger.Click, null, member.Person.Name, turn.Conversation.ServiceUrl, turn.Conversation.TenantId);
        var dispatched = sender.Dispatch(week, targets, trigger, now);
        var jobIds = dispatched.Where(d => d.Job is { State: OutboxState.Pending }).Select(d => d.Job!.Id).ToList();
        var after = (await outbox.SendNowAsync(jobIds, options.ReceiptWait, ct)).ToDictionary(j => j.Id, StringComparer.Ordinal);
        var final = dispatched.Select(d => d.Job is { } j && after.TryGetValue(j.Id, out var updated) ? d with { Job = updated } : d).ToList();
        var card = receipt.Render(week, item, final, options, t);
        if (turn.Kind == TurnKind.CardAction) turn.InvokeResult = InvokeResult.Card(card);
        else await turn.UpdateActedOnAsync(OutgoingMessage.FromCard(card), ct);
    }

    private static string? Read(TurnContext turn, string name) =>
        turn.Value is { ValueKind: JsonValueKind.Object } v && v.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;

}
