namespace VocEdWeek.Bot.Identity;

/// <summary>A Teams user's e-mail / UPN as the connector reported it, cached so it is asked once.</summary>
public sealed class KnownUser
{
    public string Id { get; set; } = "";
    public string? AadObjectId { get; set; }
    public string? Email { get; set; }
    public string? UserPrincipalName { get; set; }
    public DateTime CheckedAt { get; set; }
}
