using LiteDB;
using LiteDB.Engine;

namespace VocEdWeek.Bot.Storage;

/// <summary>The one LiteDB file of the process (direct mode is thread-safe within a process).</summary>
public sealed class BotDatabase : IDisposable
{
    public BotDatabase(StorageOptions options)
    {
        try
        {
            System.IO.Directory.CreateDirectory(options.FullDirectory);
            // Taken before the file is opened and let go after it is closed; a second bot on the same folder goes without.
            _lock = StorageLock.TryTake(options);
            var space = new StorageSpace(options);
            (Database, _engine) = Open(() => DurableEngine.Open(options.DatabasePath), space.EnsureRoom);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or LiteException)
        {
            _lock?.Dispose();
            throw new ConfigurationException($"Storage:Directory '{options.Directory}' cannot hold the database: {ex.Message}");
        }
    }

    private readonly FileStream? _lock;
    private readonly ReopeningEngine _engine;

    /// <summary>A database on engines made by <paramref name="openEngine"/> (tests: over streams that fail like a disk).</summary>
    internal BotDatabase(Func<ILiteEngine> openEngine, Action beforeWrite) => (Database, _engine) = Open(openEngine, beforeWrite);

    public LiteDatabase Database { get; }

    /// <summary>This process holds <see cref="StorageLock"/>: it alone may offer backups of the folder.</summary>
    public bool OwnsStorage => _lock is not null;

    /// <summary>The calling thread has a transaction open on this database (see <see cref="ReopeningEngine.InTransaction"/>).</summary>
    public bool InTransaction => _engine.InTransaction;

    /// <summary>Runs <paramref name="ended"/> when this thread's transaction ends (<see cref="ReopeningEngine.WhenTransactionEnds"/>).</summary>
    public void WhenTransactionEnds(Action<bool> ended) => _engine.WhenTransactionEnds(ended);

    /// <summary>Engines opened on the file so far (<see cref="ReopeningEngine.Opens"/>): changes when a disk error reopened it.</summary>
    public long EngineOpens => _engine.Opens;

    public ILiteCollection<T> Collection<T>(string name) => Database.GetCollection<T>(name);

    /// <summary>LiteDB's log length as LiteDB sees it (tests and the benchmark count the pages a write adds; the file itself is longer).</summary>
    public long LogLength => _engine.Log?.Length ?? 0;

    /// <summary>fsyncs of the open engine's log so far (tests: a group commit costs two).</summary>
    internal long LogFlushes => _engine.Log?.Flushes ?? 0;

    /// <summary>Commits this thread's transaction (begun on <see cref="Database"/>); the wait ends once it is on the disk.</summary>
    public DiskWait CommitDurably() => _engine.CommitDurably();

    // UtcDate: dates come back as UTC whatever the host zone, so deadline maths never shifts. The engine is reopened
    // after a disk error (ReopeningEngine), so a full disk costs the writes that hit it, not the process.
    private static (LiteDatabase, ReopeningEngine) Open(Func<ILiteEngine> openEngine, Action beforeWrite)
    {
        var engine = new ReopeningEngine(openEngine, beforeWrite);
        return (new LiteDatabase(engine) { UtcDate = true }, engine);
    }

    /// <summary>
    /// Completes once the file is closed and the storage lock let go. A web host disposes its services after whoever
    /// stopped it may have stopped waiting (tests: the minimal host's disposal runs on the app's own thread), and the
    /// next user of the folder must not find it still held.
    /// </summary>
    internal Task Closed => _closed.Task;

    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Dispose()
    {
        try
        {
            Database.Dispose();
        }
        finally
        {
            // Let go even when closing threw: a lock held by a closed database would keep every later backup out.
            _lock?.Dispose();
            _closed.TrySetResult();
        }
    }
}
