namespace VocEdWeek.Bot.Storage;

/// <summary><c>Storage</c> section: where the LiteDB file and locally stored files live.</summary>
public sealed class StorageOptions
{
    public string Directory { get; set; } = "./data";

    public string DatabasePath => Path.Combine(FullDirectory, "vocedweek.db");

    public string FullDirectory => Path.GetFullPath(Directory);
}
