namespace VocEdWeek.Bot.Operations.Backup;

/// <summary>A backup or restore that cannot go on; the message is one sentence for the operator.</summary>
public sealed class BackupException(string message) : Exception(message);
