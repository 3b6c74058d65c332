namespace VocEdWeek.Bot.Operations.Backup;

/// <summary>What a database snapshot holds, for the manifest and for checking a restore.</summary>
public sealed record SnapshotInfo(int Collections, long Documents);
