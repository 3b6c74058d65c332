namespace VocEdWeek.Bot.Features.DigestChannel;

/// <summary>The value a <see cref="Setting"/> change replaced, with who had set it and when.</summary>
public sealed class PreviousValue
{
    /// <summary>Null or empty: nothing was set.</summary>
    public string? Value { get; set; }
    public string? ChangedBy { get; set; }
    public string? ChangedByName { get; set; }
    public DateTime? ChangedAt { get; set; }
}
