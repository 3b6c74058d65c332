using VocEdWeek.Bot.Outbox;
using VocEdWeek.Bot.Progress;
using VocEdWeek.Bot.Scheduling;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.Reminders;

/// <summary>Automatic reminders and late notices: at each slot, every department still missing one of its items is reminded.</summary>
public sealed class ReminderSlots(ReminderPlan plan, ProgressService progress, ReminderSender sender, ReminderOptions options) : ISlotSource
{
    public string Name => ReminderPlan.Source;

    public IEnumerable<ScheduledSlot> Slots(ActiveWeek week) => plan.Slots(week);

    public Task<SlotResult> RunAsync(ActiveWeek week, ScheduledSlot slot, DateTimeOffset now, CancellationToken ct)
    {
        var targets = ReminderTarget.Missing(progress.ForWeek(week), slot.Items, options.IncludeBackups);
        var trigger = new ReminderTrigger(slot.Kind == "late" ? ReminderTrigger.Late : ReminderTrigger.Auto, slot.Key);
        var dispatched = sender.Dispatch(week, targets, trigger, now);
        var queued = dispatched.Count(d => d.Job is not null);
        var capped = dispatched.Count(d => d.Skipped is not null);
        return Task.FromResult(SlotResult.Ran($"{targets.Select(t => t.Department.Id).Distinct().Count()} departments missing; {queued} reminders queued, {capped} over the daily cap"));
    }
}
