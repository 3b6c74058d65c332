using System.Collections.Concurrent;
using VocEdWeek.Bot.Platform;

namespace VocEdWeek.Bot.Protocol;

/// <summary>
/// Teams re-delivers an activity when it gets no quick answer. The first delivery runs; any copy
/// within the window awaits the same work and gets the same answer, so nothing runs twice. With several instances a copy
/// may reach another one: the first delivery here also claims the key for every instance (<see cref="IOnceClaims"/>), and
/// a key another instance claimed is not run here (its answer is over there; this one answers "nothing to add").
/// </summary>
public sealed partial class ActivityDeduplicator(TimeProvider time, IOnceClaims claims, ILogger<ActivityDeduplicator> log)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    private readonly ConcurrentDictionary<string, Entry> _seen = new();
    private long _lastSweep;

    /// <summary>Runs <paramref name="work"/> once per key; <paramref name="ranElsewhere"/> answers a key another instance took.</summary>
    public Task<T> RunOnceAsync<T>(string? key, Func<Task<T>> work, Func<T> ranElsewhere) where T : class
    {
        if (string.IsNullOrEmpty(key)) return work();
        Sweep();
        var entry = _seen.GetOrAdd(key, k => new Entry(time.GetTimestamp(), new Lazy<Task<object>>(async () =>
        {
            if (Claim(k)) return await work();
            LogClaimedElsewhere(log, k);
            return ranElsewhere();
        })));
        return Cast<T>(entry.Work.Value);
    }

    public static string? KeyOf(Activity activity) =>
        string.IsNullOrEmpty(activity.Id) ? null : $"{activity.ChannelId}|{activity.Conversation?.Id}|{activity.Type}|{activity.Id}";

    private static async Task<T> Cast<T>(Task<object> task) => (T)await task;

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

    private void Sweep()
    {
        var now = time.GetTimestamp();
        var last = Interlocked.Read(ref _lastSweep);
        if (time.GetElapsedTime(last, now) < TimeSpan.FromMinutes(1) || Interlocked.CompareExchange(ref _lastSweep, now, last) != last) return;
        foreach (var (key, entry) in _seen)
        {
            if (time.GetElapsedTime(entry.Started, now) > Window) _seen.TryRemove(key, out _);
        }
        try
        {
            // Whichever instance sweeps first does it for all; at most once a minute per instance.
            claims.Forget(Window);
        }
        catch (Exception ex)
        {
            // Old claims only take room; the next sweep tries again.
            LogForgetFailed(log, ex);
        }
    }

    private sealed record Entry(long Started, Lazy<Task<object>> Work);

    [LoggerMessage(Level = LogLevel.Information, Message = "Activity {Key} was claimed by another instance; not run here")]
    private static partial void LogClaimedElsewhere(ILogger logger, string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not claim activity {Key} across instances; running it here")]
    private static partial void LogClaimFailed(ILogger logger, Exception ex, string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not forget old activity claims")]
    private static partial void LogForgetFailed(ILogger logger, Exception ex);
}
