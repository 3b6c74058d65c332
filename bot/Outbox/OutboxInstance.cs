namespace VocEdWeek.Bot.Outbox;

/// <summary>
/// This process among the bot's instances, as named on the outbox jobs it claims. New at every start: a restarted
/// process does not own what it claimed before, so those claims simply run out (<see cref="OutboxOptions.ClaimLease"/>).
/// </summary>
public sealed class OutboxInstance
{
    public string Id { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";
}
