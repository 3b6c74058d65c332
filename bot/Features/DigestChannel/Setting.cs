namespace VocEdWeek.Bot.Features.DigestChannel;

/// <summary>One setting changed from Teams (<see cref="ISettingsStore"/>).</summary>
public sealed class Setting
{
    public string Id { get; set; } = "";
    /// <summary>Null or empty: cleared (LiteDB stores an empty string as null).</summary>
    public string? Value { get; set; }
    public string? ChangedBy { get; set; }
    public string? ChangedByName { get; set; }
    public DateTime ChangedAt { get; set; }
    /// <summary>What this change replaced; null for settings stored before changes were kept.</summary>
    public PreviousValue? Previous { get; set; }
}
