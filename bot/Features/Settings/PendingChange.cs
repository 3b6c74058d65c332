namespace VocEdWeek.Bot.Features.Settings;

/// <summary>
/// A change shown on a confirm card and not yet confirmed, kept server-side: the card carries only <see cref="Id"/>, so
/// nothing on the card can be altered to change something else, and a confirm applies it exactly once.
/// </summary>
public sealed class PendingChange
{
    /// <summary>How long a confirm card can be confirmed: long enough to check it, short enough that it is not confirmed stale.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    public string Id { get; set; } = "";
    public string WeekId { get; set; } = "";
    public SettingsProposal Proposal { get; set; } = new();
    /// <summary>The Teams user id of the admin who asked: only they confirm or cancel it.</summary>
    public string AskedByTeamsId { get; set; } = "";
    public string AskedByName { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    /// <summary>Set when confirmed or cancelled; a second press finds it set.</summary>
    public DateTime? DoneAt { get; set; }
    /// <summary>What it came to: "applied", "cancelled" or a refusal key.</summary>
    public string? Outcome { get; set; }
}
