namespace VocEdWeek.Bot.Features.Reminders;

/// <summary>
/// One reminder to one person: who, what, when, how it was triggered, and either the outbox job that
/// carries it (its outcome is the delivery result) or why it was not sent.
/// </summary>
public sealed class ReminderLogEntry
{
    public string Id { get; set; } = "";
    public DateTime At { get; set; }
    /// <summary>The day in the week's zone, for the per-day cap.</summary>
    public string LocalDay { get; set; } = "";
    public string WeekId { get; set; } = "";
    /// <summary>"auto", "late" or "click".</summary>
    public string Trigger { get; set; } = "";
    public string? TriggeredBy { get; set; }
    public string? SlotKey { get; set; }
    public string PersonKey { get; set; } = "";
    public string PersonName { get; set; } = "";
    public string DepartmentId { get; set; } = "";
    public string DepartmentName { get; set; } = "";
    public List<string> ItemKeys { get; set; } = [];
    public string? JobId { get; set; }
    /// <summary>Why nothing was sent: "cap" or "recent".</summary>
    public string? Skipped { get; set; }
}
