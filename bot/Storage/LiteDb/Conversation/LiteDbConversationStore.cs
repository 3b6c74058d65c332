using LiteDB;
using VocEdWeek.Bot.Conversation;

namespace VocEdWeek.Bot.Storage.LiteDb.Conversation;

/// <summary>
/// Conversation references in the LiteDB file (one process holds it, so one writer makes each change atomic). The reads
/// (Find, FindPersonal …) are in LiteDbConversationStore.Reads.cs.
/// </summary>
public sealed partial class LiteDbConversationStore : IConversationStore, IDisposable
{
    /// <summary>Graceful shutdown waits this long at most for the references still written behind.</summary>
    private static readonly TimeSpan FlushWithin = TimeSpan.FromSeconds(10);

    private readonly BotDatabase _db;
    private readonly ILiteCollection<ConversationRecord> _items;

    // Every read-modify-write of a record runs as a write of this group, one after another on its writer: Teams sends
    // installationUpdate and conversationUpdate together, and a refresh that read the record before the install was
    // marked must not write the old copy back. Concurrent first contacts share one commit (one series of disk flushes).
    private readonly GroupCommit _write;

    // Committed copies for Touch's unchanged case (see StoredCopies): every write below drops its record's copy once the
    // write has committed, i.e. after _write returns.
    private readonly StoredCopies _copies = new();

    // 1:1 chats' references queued behind their turn (TouchBehindAsync), answered from memory until committed.
    private readonly WrittenBehind _behind;
    private readonly StoredTenants _tenants;
    private readonly StoredIds _ids;

    /// <param name="time">The clock of the retries of failed writes behind (the stores alone, without the app, have none: the real one).</param>
    public LiteDbConversationStore(BotDatabase db, ILogger<LiteDbConversationStore> log, TimeProvider? time = null)
    {
        _db = db;
        _write = new GroupCommit(db);
        _items = db.Collection<ConversationRecord>("conversations");
        // The two lookups of FindPersonal; nothing asks by channel id (a channel's record is kept under it as its _id), so
        // that index, which every new 1:1 chat joined with a null key, is dropped from files that still have it.
        _items.EnsureIndex(x => x.UserAadObjectId);
        _items.EnsureIndex(x => x.UserId);
        _items.DropIndex(nameof(ConversationRecord.ChannelId));
        _ids = new StoredIds(_items.Query().Select(x => x.Id).ToEnumerable());
        _behind = new WrittenBehind(_write, time ?? TimeProvider.System, log, stored => _copies.Dropped(stored.Id));
        _tenants = new StoredTenants(tenant => _items.Exists(x => x.TenantId == tenant && x.RemovedAt == null));
    }

    public ConversationRecord Touch(TurnContext turn)
    {
        var (id, same, record) = Applied(turn, durable: true);
        if (same) return record;
        Writing(id);
        return Dropped(id, _write.Write(() => Refresh(turn, id)));
    }

    public async Task<ConversationRecord> TouchAsync(TurnContext turn)
    {
        var (id, same, record) = Applied(turn, durable: true);
        if (same) return record;
        Writing(id);
        return Dropped(id, await _write.WriteAsync(() => Refresh(turn, id)));
    }

    public Task<ConversationRecord> TouchBehindAsync(TurnContext turn)
    {
        // Inside a transaction a write joins it and commits with it: nothing to write behind.
        if (!ConversationRefresh.MayWriteBehind(turn) || _db.InTransaction || !_tenants.Has(turn.Conversation.TenantId)) return TouchAsync(turn);
        var (id, same, record) = Applied(turn, durable: false);
        if (same) return Task.FromResult(record);
        Writing(id);
        _behind.Add(record, () => Refresh(turn, id));
        return Task.FromResult(record);
    }

    /// <summary>
    /// The turn's record, and whether it is the one stored (nothing to write) — decided without waiting for the writer:
    /// from a record written behind, else the committed copy, else the file. A durable touch of a conversation still being
    /// written behind always queues its own write, after that one: it ends stored either way (the writer reads again and
    /// writes nothing when the earlier write committed the same), and a failed write behind is replaced by it.
    /// </summary>
    private (string Id, bool Same, ConversationRecord Record) Applied(TurnContext turn, bool durable)
    {
        var id = ConversationRefresh.IdOf(turn.Conversation);
        if (_behind.Get(id) is { } pending)
        {
            if (durable)
            {
                _behind.Supersede(id);
                return (id, false, pending);
            }
            return ConversationRefresh.Apply(pending, turn, FindPersonal) is { } newer ? (id, false, newer) : (id, true, pending);
        }
        if (_copies.Get(id) is { } copy)
        {
            return ConversationRefresh.Apply(copy, turn, FindPersonal) is { } changed ? (id, false, changed) : (id, true, copy);
        }
        var writes = _copies.WritesSoFar;
        var seen = _ids.MayHave(id) ? _items.FindById(id) : null;
        if (ConversationRefresh.Apply(seen, turn, FindPersonal) is { } record) return (id, false, record);
        _copies.Keep(seen!, writes);
        return (id, true, seen!);
    }

    /// <summary>Before a write of <paramref name="id"/> is queued: from then on the id may be in the file.</summary>
    private void Writing(string id) => _ids.Writing(id);

    private T Dropped<T>(string id, T result)
    {
        _copies.Dropped(id);
        return result;
    }

    // Read again on the writer: another write of this store may have changed the record since.
    private ConversationRecord Refresh(TurnContext turn, string id)
    {
        var existing = _items.FindById(id);
        if (ConversationRefresh.Apply(existing, turn, FindPersonal) is not { } record) return existing!;
        // Known to be new or not from the read just above, in this writer's transaction: no second lookup by id (Upsert's).
        if (existing is null) _items.Insert(record);
        else _items.Update(record);
        return record;
    }

    /// <summary>The store's writer (tests: to hold it while writes queue).</summary>
    internal GroupCommit Writer => _write;

    /// <summary>Ends once what was written behind for <paramref name="id"/> so far has committed (tests).</summary>
    internal Task Settled(string id) => _behind.Settled(id);

    /// <summary>Graceful shutdown: the references written behind are committed before the file closes.</summary>
    public void Dispose() => _behind.Flush(FlushWithin);
}
