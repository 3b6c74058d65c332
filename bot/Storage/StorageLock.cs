namespace VocEdWeek.Bot.Storage;

/// <summary>
/// <c>operations.lock</c>: held exclusively for as long as the bot has the database open (<see cref="BotDatabase"/>), so
/// the <c>backup</c> command knows whether it may open the database itself. LiteDB's direct mode does not stop a second process from opening the same file (and two
/// engines on one file corrupt it); an exclusive file handle does (.NET takes an flock for FileShare.None).
/// </summary>
public static class StorageLock
{
    public const string FileName = "operations.lock";

    /// <summary>The held lock, or null when someone else holds it.</summary>
    public static FileStream? TryTake(StorageOptions storage)
    {
        Directory.CreateDirectory(storage.FullDirectory);
        try
        {
            return new FileStream(Path.Combine(storage.FullDirectory, FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
