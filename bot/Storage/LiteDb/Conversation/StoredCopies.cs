using System.Collections.Concurrent;
using VocEdWeek.Bot.Conversation;

namespace VocEdWeek.Bot.Storage.LiteDb.Conversation;

/// <summary>
/// A copy of each conversation record as committed, so an unchanged reference (nearly every turn) is answered without a
/// read. One process holds the LiteDB file and every write of the collection goes through its store, which calls
/// <see cref="Dropped"/> after the write has committed. A copy read before a write committed must never outlive that
/// write: <see cref="Keep"/> only keeps what was read while no write finished (the count taken before the read is
/// unchanged), and keeping and dropping are serialised, so a drop cannot slip between the check and the keep.
/// </summary>
public sealed class StoredCopies
{
    private readonly ConcurrentDictionary<string, ConversationRecord> _copies = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _writes;

    /// <summary>Taken before reading the file: <see cref="Keep"/> needs it.</summary>
    public long WritesSoFar => Interlocked.Read(ref _writes);

    public ConversationRecord? Get(string id) => _copies.TryGetValue(id, out var copy) ? copy.Copy() : null;

    public void Keep(ConversationRecord read, long writesBeforeRead)
    {
        lock (_gate)
        {
            if (_writes == writesBeforeRead) _copies[read.Id] = read.Copy();
        }
    }

    public void Dropped(string id)
    {
        lock (_gate)
        {
            _writes++;
            _copies.TryRemove(id, out _);
        }
    }
}
