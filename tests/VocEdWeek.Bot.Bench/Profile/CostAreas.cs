namespace VocEdWeek.Bot.Bench.Profile;

/// <summary>
/// Names the part of the request path a sampled stack belongs to. The innermost frame of the bot's own code decides
/// (so LiteDB called by the conversation store is "conversation touch", JSON read inside token validation is "JWT
/// validation"); the turn's outer frames (endpoint, de-duplication wrapper, router) only count what they do
/// themselves. A stack with no frame of the bot is named by the first generic rule any of its frames matches.
/// </summary>
public static class CostAreas
{
    public const string Spinning = "thread pool looking for work (spinning)";

    /// <summary>By the innermost bot frame; the first prefix that matches wins, so narrower prefixes come first.</summary>
    private static readonly (string Area, string Prefix)[] BotRules =
    [
        ("JWT validation", "VocEdWeek.Bot.Protocol.Auth."),
        ("card templating", "VocEdWeek.Bot.Cards."),
        ("localization", "VocEdWeek.Bot.Localization."),
        ("de-duplication claim", "VocEdWeek.Bot.Protocol.ActivityDeduplicator"),
        ("de-duplication claim", "VocEdWeek.Bot.Storage.LiteDb.Inbound"),
        ("conversation touch (store)", "VocEdWeek.Bot.Storage.LiteDb.Conversation"),
        ("submission store (LiteDB)", "VocEdWeek.Bot.Storage.LiteDb.Submissions"),
        ("group commit (LiteDB transaction, log)", "VocEdWeek.Bot.Storage.LiteDb.Group"),
        ("group commit (LiteDB transaction, log)", "VocEdWeek.Bot.Storage.LogFile"),
        ("group commit (LiteDB transaction, log)", "VocEdWeek.Bot.Storage.DurableEngine"),
        ("storage, other", "VocEdWeek.Bot.Storage."),
        ("connector client (reply out)", "VocEdWeek.Bot.Protocol.Connector."),
        ("activity read, parse, checks", "VocEdWeek.Bot.Protocol.Wire"),
        ("activity read, parse, checks", "VocEdWeek.Bot.Protocol.ActivityRules"),
        ("activity read, parse, checks", "VocEdWeek.Bot.Protocol.Activity"),
        ("inbound limiter", "VocEdWeek.Bot.Protocol.Inbound."),
        ("endpoint and turn plumbing", "VocEdWeek.Bot.Protocol."),
        ("router, access gate", "VocEdWeek.Bot.App."),
        ("router, access gate", "VocEdWeek.Bot.Handlers."),
        ("help handler", "VocEdWeek.Bot.Features.Help."),
        ("report form: submit, receipt", "VocEdWeek.Bot.Features.Forms."),
        ("report form: submit, receipt", "VocEdWeek.Bot.Features.DailyReport."),
        ("features, other", "VocEdWeek.Bot.Features."),
        ("identity, weeks, words", "VocEdWeek.Bot."),
    ];

    /// <summary>Store reads named by the turn's frame that asked for them (the innermost such frame wins).</summary>
    private static readonly (string Area, string Prefix)[] TurnReaders =
    [
        ("store read: report choices", "VocEdWeek.Bot.Features.DailyReport.ReportChoices"),
        ("store read: receipt (history, files)", "VocEdWeek.Bot.Features.Forms.FormCards"),
        ("store read: receipt (history, files)", "VocEdWeek.Bot.Features.Forms.ItemFiles"),
        ("store read: identity, access", "VocEdWeek.Bot.Identity."),
        ("store read: identity, access", "VocEdWeek.Bot.Handlers."),
    ];

    private static readonly (string Area, string Prefix)[] OtherRules =
    [
        ("load generator (bench client)", "VocEdWeek.Bot.Bench."),
        ("fake connector (bench server)", "VocEdWeek.Bot.Tests.Fakes."),
        ("ASP.NET Core, Kestrel (no bot frame)", "Microsoft.AspNetCore."),
        ("HttpClient (no bot frame)", "System.Net.Http."),
        ("sockets (no bot frame)", "System.Net.Sockets."),
    ];

    /// <summary>Frames a waiting thread stops in: such a sample is not CPU.</summary>
    private static readonly string[] WaitFrames =
    [
        "LowLevelLifoSemaphore.WaitForSignal", "WaitHandle.Wait", "Thread.Sleep", "WaitForSocketEvents", "Monitor.Wait", "LowLevelMonitor.Wait",
        "WaitSubsystem", "Thread.Join", "Interop+Sys.Poll", "ManualResetEventSlim.Wait", "SemaphoreSlim.Wait", "WaitOneNoCheck",
        "FileSystemWatcher", "PollGC", "WaitForPendingFinalizers",
    ];

    /// <summary>Frames a thread blocked on a contended lock stops in (outside managed code: asleep, not spinning).</summary>
    private static readonly string[] LockFrames = ["Lock.TryEnterSlow", "Monitor.Enter_Slowpath", "Lock.EnterAndGetCurrentThreadId"];

    /// <param name="managed">A thread stopped for a collection is in managed code but waits all the same.</param>
    public static bool IsWaiting(IReadOnlyList<string> frames, bool managed) =>
        frames.Count == 0
        || (managed ? frames[0].Contains("PollGC", StringComparison.Ordinal) : frames.Take(3).Any(f => WaitFrames.Any(w => f.Contains(w, StringComparison.Ordinal))));

    public static bool IsLockWait(string leaf) => LockFrames.Any(w => leaf.Contains(w, StringComparison.Ordinal));

    /// <summary>A pool thread looking for work (spinning before it sleeps): CPU spent, but on no request's work.</summary>
    private static readonly string[] SpinFrames = ["PortableThreadPool+WorkerThread.WorkerThreadStart", "LowLevelLifoSemaphore.Wait"];

    public static string Of(IReadOnlyList<string> frames)
    {
        if (frames.FirstOrDefault(f => f != StackTally.Unresolved) is { } top && SpinFrames.Any(w => top.Contains(w, StringComparison.Ordinal)))
        {
            return Spinning;
        }
        if (frames.FirstOrDefault(StackTally.IsBotCode) is { } own)
        {
            // A store read the submit's turn makes for the form (not the submit's own write) is the form's cost to cut.
            if (own.StartsWith("VocEdWeek.Bot.Storage.", StringComparison.Ordinal)
                && frames.FirstOrDefault(f => TurnReaders.Any(r => f.StartsWith(r.Prefix, StringComparison.Ordinal))) is { } reader)
            {
                return TurnReaders.First(r => reader.StartsWith(r.Prefix, StringComparison.Ordinal)).Area;
            }
            foreach (var (area, prefix) in BotRules)
            {
                if (own.StartsWith(prefix, StringComparison.Ordinal)) return area;
            }
        }
        foreach (var (area, prefix) in OtherRules)
        {
            if (frames.Any(f => f.StartsWith(prefix, StringComparison.Ordinal))) return area;
        }
        return "other (thread pool, runtime, unresolved)";
    }
}
