namespace VocEdWeek.Bot.Files.Publishing;

/// <summary>How received files are copied to SharePoint (keys in the <c>SharePoint</c> section).</summary>
public sealed class RemoteUploadOptions
{
    /// <summary>Keep the local copy after a confirmed upload (default: remove it, SharePoint is the archive).</summary>
    public bool KeepLocalCopies { get; set; }

    /// <summary>First wait after a failed upload; doubles per attempt up to <see cref="QueueRetryMaxDelay"/>.</summary>
    public TimeSpan QueueRetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan QueueRetryMaxDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often the worker looks for uploads whose retry time has come.</summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(15);
}
