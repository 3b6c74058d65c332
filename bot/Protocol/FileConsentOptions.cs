namespace VocEdWeek.Bot.Protocol;

/// <summary><c>FileConsent</c> section: how a file the user accepted is written to their OneDrive upload session.</summary>
public sealed class FileConsentOptions
{
    public const string Section = "FileConsent";

    /// <summary>The upload session's unit: every fragment but the last must be a multiple of 320 KiB.</summary>
    public const int FragmentUnit = 320 * 1024;

    /// <summary>Bytes per PUT: a multiple of 320 KiB below 60 MiB (default 3.2 MiB).</summary>
    public int ChunkBytes { get; set; } = 10 * FragmentUnit;

    /// <summary>Attempts per fragment when the server is busy (429, 5xx) or the network drops.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>First wait before a retry; doubled each time, a server's Retry-After wins (up to 10 s).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public void ThrowIfInvalid()
    {
        if (ChunkBytes <= 0 || ChunkBytes % FragmentUnit != 0 || ChunkBytes >= 60 * 1024 * 1024)
            throw new ConfigurationException($"FileConsent:ChunkBytes must be a multiple of {FragmentUnit} (320 KiB) below 60 MiB; got {ChunkBytes}.");
        if (MaxAttempts < 1) throw new ConfigurationException("FileConsent:MaxAttempts must be at least 1.");
    }
}
