using System.Collections.Concurrent;
using System.Security.Cryptography;
using VocEdWeek.Bot.Platform;
using VocEdWeek.Bot.Protocol.Inbound;

namespace VocEdWeek.Bot.Protocol;

/// <summary>
/// Teams re-delivers an activity when it gets no quick answer. The first delivery runs; any copy
/// within the window awaits the same work and gets the same answer, so nothing runs twice. With several instances a copy
/// may reach another one: the first delivery here also claims the key for every instance (<see cref="IOnceClaims"/>), and
/// a key another instance claimed is not run here (its answer is over there; this one answers "nothing to add").
/// </summary>
/// <remarks>
/// A running activity is kept by its exact key (copies await its task). Once it is over it is kept for the rest of the
/// window only as a keyed 128-bit fingerprint with its answer (<see cref="SeenWindow"/>): at thousands of activities a
/// second, 15 minutes of keys, entries and finished tasks took hundreds of megabytes and lengthened every GC.
/// </remarks>
public sealed partial class ActivityDeduplicator(TimeProvider time, IOnceClaims claims, ILogger<ActivityDeduplicator> log)
{
    internal static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    private readonly ConcurrentDictionary<string, Task<object>> _running = new(StringComparer.Ordinal);
    private readonly SeenWindow _done = new(Window, time);
    private readonly byte[] _secret = RandomNumberGenerator.GetBytes(32);
    private long _lastSweep;

    /// <summary>Activities still running plus those remembered as finished (for tests and diagnostics).</summary>
    internal (int Running, int Finished) Tracked => (_running.Count, _done.Count);

    /// <summary>Runs <paramref name="work"/> once per key; <paramref name="ranElsewhere"/> answers a key another instance took.</summary>
    public Task<T> RunOnceAsync<T>(string? key, Func<Task<T>> work, Func<T> ranElsewhere) where T : class
    {
        if (string.IsNullOrEmpty(key)) return work();
        ForgetOldClaims();
        var arrived = time.GetTimestamp();
        var id = ActivityFingerprint.Of(key, _secret);
        if (_done.TryGet(id, arrived, out var answer)) return Replay<T>(answer);
        var mine = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = _running.GetOrAdd(key, mine.Task);
        return running == mine.Task ? RunFirstAsync(key, id, arrived, mine, work, ranElsewhere) : Replay<T>(running);
    }

    public static string? KeyOf(Activity activity) =>
        string.IsNullOrEmpty(activity.Id) ? null : $"{activity.ChannelId}|{activity.Conversation?.Id}|{activity.Type}|{activity.Id}";

    private async Task<T> RunFirstAsync<T>(string key, ActivityFingerprint id, long arrived, TaskCompletionSource<object> mine,
        Func<Task<T>> work, Func<T> ranElsewhere) where T : class
    {
        // Between the look-up and taking the key, the first copy may have finished and left _running: its answer is
        // in the window now, and this copy gets it instead of a second run.
        var earlier = _done.TryGet(id, time.GetTimestamp(), out var stored);
        T answer;
        try
        {
            answer = earlier ? await Replay<T>(stored) : Claim(key) ? await work() : ClaimedElsewhere(key, ranElsewhere);
        }
        catch (Exception ex)
        {
            // Copies get the same failure, as they would have awaited the same task; read once so it is not reported
            // as unobserved when no copy ever comes.
            mine.SetException(ex);
            _ = mine.Task.Exception;
            Finish(key, id, arrived, mine, earlier ? null : mine.Task);
            throw;
        }
        Finish(key, id, arrived, mine, earlier ? null : answer);
        mine.SetResult(answer);
        return answer;
    }

    /// <summary>Remembered before the key leaves <c>_running</c>, so a copy always finds one or the other.</summary>
    private void Finish(string key, ActivityFingerprint id, long arrived, TaskCompletionSource<object> mine, object? remembered)
    {
        if (remembered is not null) _done.Add(id, arrived, remembered);
        _running.TryRemove(new KeyValuePair<string, Task<object>>(key, mine.Task));
    }

    /// <summary>A finished answer, or a failed or running first delivery's task.</summary>
    private static async Task<T> Replay<T>(object? answer) => answer is Task<object> task ? (T)await task : (T)answer!;

    private T ClaimedElsewhere<T>(string key, Func<T> ranElsewhere)
    {
        LogClaimedElsewhere(log, key);
        return ranElsewhere();
    }

    private bool Claim(string key)
    {
        try
        {
            return claims.TryClaim(key);
        }
        catch (Exception ex)
        {
            // The database is unreachable: losing the user's message is worse than the small chance that a copy also
            // reached another instance, and the turn will meet the same database anyway.
            LogClaimFailed(log, ex, key);
            return true;
        }
    }

    private void ForgetOldClaims()
    {
        var now = time.GetTimestamp();
        var last = Interlocked.Read(ref _lastSweep);
        if (time.GetElapsedTime(last, now) < TimeSpan.FromMinutes(1) || Interlocked.CompareExchange(ref _lastSweep, now, last) != last) return;
        try
        {
            // Whichever instance sweeps first does it for all; at most once a minute per instance. (This instance's own
            // finished activities leave with their time bucket.)
            claims.Forget(Window);
        }
        catch (Exception ex)
        {
            // Old claims only take room; the next sweep tries again.
            LogForgetFailed(log, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Activity {Key} was claimed by another instance; not run here")]
    private static partial void LogClaimedElsewhere(ILogger logger, string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not claim activity {Key} across instances; running it here")]
    private static partial void LogClaimFailed(ILogger logger, Exception ex, string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not forget old activity claims")]
    private static partial void LogForgetFailed(ILogger logger, Exception ex);
}
