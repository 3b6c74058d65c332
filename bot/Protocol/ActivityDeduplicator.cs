using System.Collections.Concurrent;

namespace VocEdWeek.Bot.Protocol;

/// <summary>
/// Teams re-delivers an activity when it gets no quick answer. The first delivery runs; any copy
/// within the window awaits the same work and gets the same answer, so nothing runs twice.
/// </summary>
public sealed class ActivityDeduplicator(TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    private readonly ConcurrentDictionary<string, Entry> _seen = new();
    private long _lastSweep;

    public Task<T> RunOnceAsync<T>(string? key, Func<Task<T>> work) where T : class
    {
        if (string.IsNullOrEmpty(key)) return work();
        Sweep();
        var entry = _seen.GetOrAdd(key, _ => new Entry(time.GetTimestamp(), new Lazy<Task<object>>(async () => await work())));
        return Cast<T>(entry.Work.Value);
    }

    public static string? KeyOf(Activity activity) =>
        string.IsNullOrEmpty(activity.Id) ? null : $"{activity.ChannelId}|{activity.Conversation?.Id}|{activity.Type}|{activity.Id}";

    private static async Task<T> Cast<T>(Task<object> task) => (T)await task;

    private void Sweep()
    {
        var now = time.GetTimestamp();
        var last = Interlocked.Read(ref _lastSweep);
        if (time.GetElapsedTime(last, now) < TimeSpan.FromMinutes(1) || Interlocked.CompareExchange(ref _lastSweep, now, last) != last) return;
        foreach (var (key, entry) in _seen)
        {
            if (time.GetElapsedTime(entry.Started, now) > Window) _seen.TryRemove(key, out _);
        }
    }

    private sealed record Entry(long Started, Lazy<Task<object>> Work);
}
