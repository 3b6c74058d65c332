namespace VocEdWeek.Bot.Storage;

/// <summary>
/// This instance's name on the work it claims from the shared database (outbox jobs, pending downloads, SharePoint
/// uploads): <c>Storage:InstanceName</c>, else the machine's name. A restarted instance keeps its name and so takes its own
/// unfinished work back at once, and closes as interrupted the sends it had under way when it stopped (they are its own,
/// so nobody is still sending them); instances sharing one machine need a name each.
/// </summary>
public sealed record InstanceName(string Value)
{
    public static InstanceName From(IConfiguration configuration) =>
        new(configuration["Storage:InstanceName"] is { Length: > 0 } name ? name : Environment.MachineName);
}
