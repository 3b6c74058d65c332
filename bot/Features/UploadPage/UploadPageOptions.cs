namespace VocEdWeek.Bot.Features.UploadPage;

/// <summary><c>UploadPage</c> section.</summary>
public sealed class UploadPageOptions
{
    /// <summary>A page run with no "done" (the page was closed) is acknowledged in the chat after this much quiet.</summary>
    public TimeSpan AcknowledgeAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often quiet page runs are looked for.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);
}
