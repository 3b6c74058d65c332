namespace VocEdWeek.Bot.Features.Digest;

/// <summary><c>Digest</c> section.</summary>
public sealed class DigestOptions
{
    /// <summary>Local times (week's zone) on each report day; default 12:05 (right after the deadline) and 17:30.</summary>
    public string[]? Times { get; set; }

    /// <summary>Typical cases and stories quoted per digest.</summary>
    public int MaxHighlights { get; set; } = 6;

    /// <summary>Characters of a highlight's first line kept.</summary>
    public int HighlightLength { get; set; } = 60;

    /// <summary>With more departments than this, the grid lists only departments with something other than ✓.</summary>
    public int FullGridMax { get; set; } = 30;
}
