namespace VocEdWeek.Bot.Storage.Migrate;

/// <summary>Moving the records cannot start or go on; the message says why, in one sentence for the operator.</summary>
public sealed class MigrationException(string message) : Exception(message);
