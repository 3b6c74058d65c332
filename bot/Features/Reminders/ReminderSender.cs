using System.Globalization;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Outbox;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.Reminders;

/// <summary>
/// Turns targets into outbox jobs and log entries. Automatic reminders respect the per-liaison daily cap;
/// a click is not repeated to the same person for the same item within the cooldown. Job keys name the
/// slot (or the click) and the person, so running the same slot again never sends twice.
/// </summary>
public sealed class ReminderSender(
    IAtomicWrites writes, OutboxQueue outbox, OutboxSignal signal, IReminderLogStore log, ReminderCard card, IConversationStore conversations,
    ReminderOptions options)
{
    public const string Topic = "reminder";

    public IReadOnlyList<ReminderDispatch> Dispatch(ActiveWeek week, IReadOnlyList<ReminderTarget> targets, ReminderTrigger trigger, DateTimeOffset now)
    {
        // One transaction for the whole slot: its jobs and log entries stand or fall together (a failure half-way leaves
        // neither, so running the slot again sends each reminder once), and on LiteDB it is one disk flush instead of two
        // per liaison. The worker only sees the jobs once they are all committed, so it is woken after.
        var results = writes.Atomically(() => DispatchAll(week, targets, trigger, now));
        if (results.Any(r => r.Job is { State: OutboxState.Pending })) signal.Wake();
        return results;
    }

    private List<ReminderDispatch> DispatchAll(ActiveWeek week, IReadOnlyList<ReminderTarget> targets, ReminderTrigger trigger, DateTimeOffset now)
    {
        var calendar = week.Calendar;
        var localDay = calendar.LocalDate(now).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var results = new List<ReminderDispatch>();
        foreach (var target in targets)
        {
            var key = JobKey(week, target, trigger, now);
            if (outbox.Find(key) is { } existing)
            {
                results.Add(new ReminderDispatch(target, existing, null));
                continue;
            }
            var entry = new ReminderLogEntry
            {
                At = now.UtcDateTime, LocalDay = localDay, WeekId = week.Definition.Id, Trigger = trigger.Kind,
                TriggeredBy = trigger.StaffName, SlotKey = trigger.SlotKey, PersonKey = target.PersonKey, PersonName = target.Person.Name,
                DepartmentId = target.Department.Id, DepartmentName = target.Department.Name, ItemKeys = target.Items.Select(i => i.Key).ToList(),
            };
            if (Skip(week, target, trigger, now, localDay) is { } skip)
            {
                entry.Skipped = skip.Reason;
                log.Add(entry);
                results.Add(new ReminderDispatch(target, null, skip.Reason, skip.At));
                continue;
            }
            var to = new OutboxRecipient
            {
                AadObjectId = target.Person.AadObjectId, Email = target.Person.Email, Name = target.Person.Name,
                ServiceUrl = trigger.ServiceUrl, TenantId = trigger.TenantId,
            };
            var t = Strings.For(LocaleOf(week, target));
            var message = card.Message(week, target, trigger.IsLate, trigger.IsClick ? trigger.StaffName : null, t);
            var job = outbox.NewJob(key, Topic, to, message, trigger.IsClick ? 0 : 1);
            job.WeekId = week.Definition.Id;
            job.DepartmentId = target.Department.Id;
            job.ItemKeys = entry.ItemKeys;
            var (stored, isNew) = outbox.Enqueue(job);
            if (isNew)
            {
                entry.JobId = stored.Id;
                log.Add(entry);
            }
            results.Add(new ReminderDispatch(target, stored, null));
        }
        return results;
    }

    private (string Reason, DateTimeOffset? At)? Skip(ActiveWeek week, ReminderTarget target, ReminderTrigger trigger, DateTimeOffset now, string localDay)
    {
        if (trigger.IsClick)
        {
            var keys = target.Items.Select(i => i.Key).ToHashSet(StringComparer.Ordinal);
            // Only a reminder that reached them (or is on its way) counts: a failed one may be tried again.
            var recent = log.SentSince(week.Definition.Id, target.PersonKey, now - options.ClickCooldown)
                .Where(e => e.ItemKeys.Any(keys.Contains) && outbox.Find(e.JobId!) is { State: OutboxState.Pending or OutboxState.Sending or OutboxState.Sent })
                .OrderByDescending(e => e.At).FirstOrDefault();
            return recent is null ? null : ("recent", new DateTimeOffset(DateTime.SpecifyKind(recent.At, DateTimeKind.Utc)));
        }
        var today = log.SentOn(week.Definition.Id, target.PersonKey, localDay);
        var counted = today.Count(e => e.JobId is { } id && outbox.Find(id) is { } j && j.State is OutboxState.Pending or OutboxState.Sending or OutboxState.Sent);
        return counted >= options.MaxPerLiaisonPerDay ? ("cap", null) : null;
    }

    /// <summary>"remind|2024-wuxi|remind|2024-05-14T09:00|jd|{person}" — or, for a click, the item and the second it happened.</summary>
    private static string JobKey(ActiveWeek week, ReminderTarget target, ReminderTrigger trigger, DateTimeOffset now) =>
        trigger.IsClick
            ? $"remind|{week.Definition.Id}|click|{string.Join("+", target.Items.Select(i => i.Key))}|{now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture)}|{target.Department.Id}|{target.PersonKey}"
            : $"remind|{trigger.SlotKey}|{target.Department.Id}|{target.PersonKey}";

    /// <summary>The liaison's own chat language when they have talked to the bot, else the week's.</summary>
    private string LocaleOf(ActiveWeek week, ReminderTarget target) =>
        (target.Person.AadObjectId is { } aad ? conversations.FindPersonal(aad, null)?.Locale : null) ?? week.Definition.Locale;
}
