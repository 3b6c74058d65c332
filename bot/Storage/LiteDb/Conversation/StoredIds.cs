using System.Collections.Concurrent;

namespace VocEdWeek.Bot.Storage.LiteDb.Conversation;

/// <summary>
/// Every conversation id that may be in the file: read once at start, and added to before any write of the store is
/// queued (one process holds the file, every write goes through the store, and records are never deleted). An id not
/// here is certainly not stored, so a chat's first turn is decided without a read (a miss costs a walk of the _id index).
/// </summary>
public sealed class StoredIds(IEnumerable<string> stored)
{
    private readonly ConcurrentDictionary<string, byte> _ids = new(stored.Select(id => KeyValuePair.Create(id, (byte)0)), StringComparer.Ordinal);

    public bool MayHave(string id) => _ids.ContainsKey(id);

    public void Writing(string id) => _ids.TryAdd(id, 0);
}
