namespace VocEdWeek.Bot.Storage;

/// <summary><c>Storage</c> section: where the LiteDB file and locally stored files live.</summary>
public sealed class StorageOptions
{
    public string Directory { get; set; } = "./data";

    /// <summary>
    /// Free space kept on the storage folder's disk: below it new submissions and files are refused with a clear message,
    /// so the database always has room for its own writes (LiteDB does not survive a full disk until restarted).
    /// </summary>
    public long ReserveBytes { get; set; } = 16 * 1024 * 1024;

    public string DatabasePath => Path.Combine(FullDirectory, "vocedweek.db");

    public string FullDirectory => Path.GetFullPath(Directory);
}
