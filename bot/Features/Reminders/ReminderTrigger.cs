namespace VocEdWeek.Bot.Features.Reminders;

/// <summary>
/// Why reminders go out: a scheduled slot ("auto"), a late notice ("late"), or a staff member's click
/// ("click", with where they clicked from: that serviceUrl and tenant can open chats with liaisons).
/// </summary>
public sealed record ReminderTrigger(string Kind, string? SlotKey, string? StaffName = null, string? ServiceUrl = null, string? TenantId = null)
{
    public const string Auto = "auto";
    public const string Late = "late";
    public const string Click = "click";

    public bool IsLate => Kind == Late;

    public bool IsClick => Kind == Click;
}
