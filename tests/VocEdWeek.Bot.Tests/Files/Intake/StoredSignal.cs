using System.Collections.Concurrent;
using VocEdWeek.Bot.Files;

namespace VocEdWeek.Bot.Tests.Files.Intake;

/// <summary>Told by the bot whenever a file is stored; a test awaits a file by its original name instead of sleeping.</summary>
public sealed class StoredSignal : IMediaStoredObserver
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<MediaRecord>> _stored = new(StringComparer.Ordinal);
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void OnStored(MediaRecord record)
    {
        Interlocked.Increment(ref _count);
        Signal(record.OriginalName).TrySetResult(record);
    }

    public Task<MediaRecord> Stored(string originalName) => Signal(originalName).Task;

    private TaskCompletionSource<MediaRecord> Signal(string name) =>
        _stored.GetOrAdd(name, _ => new TaskCompletionSource<MediaRecord>(TaskCreationOptions.RunContinuationsAsynchronously));
}
