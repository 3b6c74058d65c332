namespace VocEdWeek.Bot.Files;

/// <summary><c>Files</c> section: what liaisons may send, how big, and how patiently it is fetched from Teams.</summary>
public sealed class FileIntakeOptions
{
    public const string Section = "Files";

    public string[] AllowedExtensions { get; set; } =
    [
        ".jpg", ".jpeg", ".png", ".gif", ".heic", ".heif", ".webp", ".bmp",
        ".mp4", ".mov", ".m4v", ".avi", ".wmv", ".mkv", ".3gp", ".webm",
        ".doc", ".docx", ".pdf", ".ppt", ".pptx", ".xls", ".xlsx", ".wps", ".txt",
    ];

    /// <summary>Largest file accepted, in bytes (default 2 GiB: phone videos are big). Counted on the bytes that arrive.</summary>
    public long MaxBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>Files taken from one chat message; the rest are refused with their number (a message is one turn, and a turn has ~15 s).</summary>
    public int MaxFilesPerMessage { get; set; } = 20;

    /// <summary>Downloads in flight at once, across all liaisons: one slow file holds one slot, not the queue.</summary>
    public int MaxParallelDownloads { get; set; } = 4;

    /// <summary>No answer and no bytes for this long: the download has stalled and is given up.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A whole download may take this long, plus <see cref="DownloadTimePerMiB"/> for every MiB of it.</summary>
    public TimeSpan DownloadTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Time allowed per MiB on top of <see cref="DownloadTimeout"/> (5 s: about 200 KB/s at worst).</summary>
    public TimeSpan DownloadTimePerMiB { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Tries of one file across restarts: a file whose download takes the process down with it is refused after this
    /// many starts instead of being fetched again at every one.
    /// </summary>
    public int MaxDownloadAttempts { get; set; } = 3;

    public bool IsAllowed(string fileName) =>
        AllowedExtensions.Contains(Path.GetExtension(fileName), StringComparer.OrdinalIgnoreCase);

    /// <summary>How long a download of <paramref name="length"/> bytes (unknown: the largest allowed) may take in all.</summary>
    public TimeSpan OverallTimeout(long? length)
    {
        var mib = Math.Ceiling((length ?? MaxBytes) / (1024.0 * 1024.0));
        var total = DownloadTimeout.TotalSeconds + mib * DownloadTimePerMiB.TotalSeconds;
        // CancellationTokenSource takes at most ~49 days; nothing here should come near it.
        return TimeSpan.FromSeconds(Math.Min(total, TimeSpan.FromDays(7).TotalSeconds));
    }

    /// <summary>The section as configured; a wrong value stops start-up with one sentence naming the key.</summary>
    public static FileIntakeOptions From(IConfiguration configuration)
    {
        FileIntakeOptions options;
        try
        {
            options = configuration.GetSection(Section).Get<FileIntakeOptions>() ?? new FileIntakeOptions();
        }
        catch (InvalidOperationException ex)
        {
            // The binder names the key ("Failed to convert configuration value at 'Files:IdleTimeout' …").
            throw new ConfigurationException(ex.Message);
        }
        options.ThrowIfInvalid();
        return options;
    }

    public void ThrowIfInvalid()
    {
        if (MaxBytes <= 0) throw new ConfigurationException($"Files:MaxBytes must be a positive number of bytes; got {MaxBytes}.");
        if (MaxFilesPerMessage < 1) throw new ConfigurationException($"Files:MaxFilesPerMessage must be at least 1; got {MaxFilesPerMessage}.");
        if (MaxParallelDownloads is < 1 or > 64) throw new ConfigurationException($"Files:MaxParallelDownloads must be between 1 and 64; got {MaxParallelDownloads}.");
        if (IdleTimeout <= TimeSpan.Zero) throw new ConfigurationException($"Files:IdleTimeout must be a positive time span like 00:00:30; got {IdleTimeout}.");
        if (DownloadTimeout <= TimeSpan.Zero) throw new ConfigurationException($"Files:DownloadTimeout must be a positive time span like 00:02:00; got {DownloadTimeout}.");
        if (DownloadTimePerMiB < TimeSpan.Zero) throw new ConfigurationException($"Files:DownloadTimePerMiB must not be negative; got {DownloadTimePerMiB}.");
        if (MaxDownloadAttempts < 1) throw new ConfigurationException($"Files:MaxDownloadAttempts must be at least 1; got {MaxDownloadAttempts}.");
    }
}
