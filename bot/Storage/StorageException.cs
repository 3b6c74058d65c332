namespace VocEdWeek.Bot.Storage;

/// <summary>
/// A store could not read or write its records (the database's own exception is inside). Stores whose callers carry on
/// after a failure (housekeeping that tries again later) throw this, so those callers name no database.
/// </summary>
public sealed class StorageException(string message, Exception inner) : Exception(message, inner);
