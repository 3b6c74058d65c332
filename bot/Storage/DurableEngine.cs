using LiteDB;
using LiteDB.Engine;

namespace VocEdWeek.Bot.Storage;

/// <summary>
/// LiteDB's engine on the bot's database file with its log in a <see cref="LogFile"/>, so a commit can be awaited until it
/// is on the disk (<see cref="CommitDurably"/>): LiteDB's own Commit returns while its pages still wait in its write queue.
/// </summary>
public sealed class DurableEngine : LiteEngine
{
    private DurableEngine(EngineSettings settings, LogFile log)
        : base(settings) => Log = log;

    public LogFile Log { get; }

    /// <summary>Opens <paramref name="path"/> and its log, "<c>name-log.ext</c>" beside it, the name LiteDB itself gives it.</summary>
    public static DurableEngine Open(string path)
    {
        var log = LogFile.Open(Path.Combine(Path.GetDirectoryName(path) ?? "", $"{Path.GetFileNameWithoutExtension(path)}-log{Path.GetExtension(path)}"));
        try
        {
            return new DurableEngine(new EngineSettings { Filename = path, LogStream = log }, log);
        }
        catch
        {
            log.Dispose();
            throw;
        }
    }

    /// <summary>Commits this thread's transaction; the wait ends once the commit is on the disk.</summary>
    public DiskWait CommitDurably()
    {
        Commit();
        // In this order: a checkpoint that cuts the log after the commit leaves it in the data file, flushed; the epoch
        // then differs from the log length's and the wait is over (see LogSyncs.Cut).
        var epoch = Log.Epoch;
        return Log.Synced(epoch, LogLength());
    }

    // Where LiteDB will put its next log page: every page of the commit lies before it.
    private long LogLength()
    {
        using var reader = Query("$database", new Query());
        return reader.Read() ? reader.Current["logFileSize"].AsInt64 : 0;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Log.Dispose();
    }
}
