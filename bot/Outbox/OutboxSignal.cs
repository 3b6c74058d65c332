using VocEdWeek.Bot.Hosting;

namespace VocEdWeek.Bot.Outbox;

/// <summary>Wakes the outbox worker when new jobs arrive.</summary>
public sealed class OutboxSignal : WakeSignal;
