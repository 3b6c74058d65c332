using LiteDB;

namespace VocEdWeek.Bot.Storage;

/// <summary>The one LiteDB file of the process (direct mode is thread-safe within a process).</summary>
public sealed class BotDatabase : IDisposable
{
    public BotDatabase(StorageOptions options)
    {
        try
        {
            System.IO.Directory.CreateDirectory(options.FullDirectory);
            // UtcDate: dates come back as UTC whatever the host zone, so deadline maths never shifts.
            Database = new LiteDatabase(new ConnectionString { Filename = options.DatabasePath, Connection = ConnectionType.Direct }) { UtcDate = true };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or LiteException)
        {
            throw new ConfigurationException($"Storage:Directory '{options.Directory}' cannot hold the database: {ex.Message}");
        }
    }

    public LiteDatabase Database { get; }

    public ILiteCollection<T> Collection<T>(string name) => Database.GetCollection<T>(name);

    public void Dispose() => Database.Dispose();
}
