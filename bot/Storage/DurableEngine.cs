using System.Linq.Expressions;
using System.Reflection;
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

    // Where LiteDB will put its next log page: every page of the commit lies before it. LiteDB keeps it in its disk
    // service; its "$database" system collection reports the same number, but as a query that builds the whole database
    // document: about 4 % of a report submit's CPU under load (perf, session 12). Read directly when this LiteDB has it.
    internal long LogLength() => NextLogPage is { } read ? read(this) : LogLengthQueried();

    // LiteDB 5.0 keeps the position of its last log page (-8192 for none) and hands out the next by adding a page to it.
    private const long PageSize = 8192;

    internal long LogLengthQueried()
    {
        using var reader = Query("$database", new Query());
        return reader.Read() ? reader.Current["logFileSize"].AsInt64 : 0;
    }

    /// <summary>LiteDB 5.0's <c>_disk._logLength</c> + a page, or null in a LiteDB without it (tests fail then: see DurableEngineTests).</summary>
    internal static readonly Func<LiteEngine, long>? NextLogPage = NextLogPageReader();

    private static Func<LiteEngine, long>? NextLogPageReader()
    {
        const BindingFlags Field = BindingFlags.NonPublic | BindingFlags.Instance;
        var disk = typeof(LiteEngine).GetField("_disk", Field);
        var length = disk?.FieldType.GetField("_logLength", Field);
        if (disk is null || length is null || length.FieldType != typeof(long)) return null;
        var engine = Expression.Parameter(typeof(LiteEngine));
        var next = Expression.Add(Expression.Field(Expression.Field(engine, disk), length), Expression.Constant(PageSize));
        return Expression.Lambda<Func<LiteEngine, long>>(next, engine).Compile();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Log.Dispose();
    }
}
