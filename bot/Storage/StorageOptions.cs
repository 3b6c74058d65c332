namespace VocEdWeek.Bot.Storage;

/// <summary><c>Storage</c> section: which database keeps the records, where the LiteDB file and locally stored files live.</summary>
public sealed class StorageOptions
{
    public const string LiteDb = "LiteDb";
    public const string PostgreSql = "PostgreSql";

    /// <summary>The name under <c>ConnectionStrings</c> the PostgreSQL database is read from.</summary>
    public const string ConnectionName = "VocEdWeek";

    /// <summary><see cref="LiteDb"/> (one embedded file, one instance) or <see cref="PostgreSql"/> (ConnectionStrings:VocEdWeek).</summary>
    public string Provider { get; set; } = LiteDb;

    public string Directory { get; set; } = "./data";

    /// <summary>
    /// Free space kept on the storage folder's disk: below it new submissions and files are refused with a clear message,
    /// so the database always has room for its own writes (LiteDB does not survive a full disk until restarted).
    /// </summary>
    public long ReserveBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>
    /// The operator's word that <see cref="Directory"/> is one folder every instance's host reaches (a network share), so
    /// files kept locally are readable by all; without it, PostgreSQL start-up refuses a local file store when an
    /// instance on another host is running.
    /// </summary>
    public bool SharedDirectory { get; set; }

    /// <summary>
    /// Several instances (PostgreSQL): how often each looks for work whose claim ran out (a dead instance's send under way,
    /// closed as interrupted; its pending downloads, taken over).
    /// </summary>
    public TimeSpan LeaseSweep { get; set; } = TimeSpan.FromSeconds(30);

    public string DatabasePath => Path.Combine(FullDirectory, "vocedweek.db");

    public string FullDirectory => Path.GetFullPath(Directory);

    public bool UsesPostgreSql => string.Equals(Provider, PostgreSql, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The one sentence that stops start-up, or null; <paramref name="connectionString"/> is ConnectionStrings:VocEdWeek,
    /// <paramref name="signingKey"/> Links:SigningKey (checked here so that only one sentence is ever given).
    /// </summary>
    public string? Problem(string? connectionString, string? signingKey)
    {
        if (!UsesPostgreSql && !string.Equals(Provider, LiteDb, StringComparison.OrdinalIgnoreCase))
            return $"Storage:Provider must be {LiteDb} or {PostgreSql}; got '{Provider}'.";
        if (UsesPostgreSql && string.IsNullOrWhiteSpace(connectionString))
            return $"ConnectionStrings:{ConnectionName} must be set when Storage:Provider is {PostgreSql}.";
        // Without it each instance would make its own key beside its files and refuse the links the others signed.
        if (UsesPostgreSql && string.IsNullOrWhiteSpace(signingKey))
            return $"Links:SigningKey must be set when Storage:Provider is {PostgreSql}, so that every instance accepts the links the others signed (e.g. openssl rand -base64 32).";
        return null;
    }
}
