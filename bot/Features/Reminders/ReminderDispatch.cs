using VocEdWeek.Bot.Outbox;

namespace VocEdWeek.Bot.Features.Reminders;

/// <summary>What happened to one target: the job carrying the reminder, or why none was made.</summary>
public sealed record ReminderDispatch(ReminderTarget Target, OutboxJob? Job, string? Skipped, DateTimeOffset? RemindedAt = null);
