namespace VocEdWeek.Bot.Operations.Backup;

/// <summary>One file of a backup: its path inside the backup folder (and the storage folder), size and SHA-256 (hex).</summary>
public sealed record ManifestEntry(string Path, long Size, string Sha256);
