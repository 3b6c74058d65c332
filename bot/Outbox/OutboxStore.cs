using LiteDB;
using VocEdWeek.Bot.Storage;

namespace VocEdWeek.Bot.Outbox;

/// <summary>
/// The outbox collection. Opening it is the start of a process: a job still marked as being sent was
/// cut off by a crash, and is closed as <see cref="OutboxOutcome.Interrupted"/> rather than sent again.
/// </summary>
public sealed class OutboxStore
{
    private readonly ILiteCollection<OutboxJob> _items;

    public OutboxStore(BotDatabase db, TimeProvider time)
    {
        _items = db.Collection<OutboxJob>("outbox");
        _items.EnsureIndex(x => x.State);
        _items.EnsureIndex(x => x.Topic);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var cut in _items.Find(x => x.State == OutboxState.Sending).ToList())
        {
            cut.State = OutboxState.Failed;
            cut.Outcome = OutboxOutcome.Interrupted;
            cut.UpdatedAt = now;
            _items.Update(cut);
        }
    }

    /// <summary>Stores the job unless its key is already there; returns the stored job and whether it is new.</summary>
    public (OutboxJob Job, bool IsNew) Add(OutboxJob job)
    {
        try
        {
            _items.Insert(job);
            return (job, true);
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            return (_items.FindById(job.Id), false);
        }
    }

    public OutboxJob? Find(string id) => _items.FindById(id);

    public void Update(OutboxJob job) => _items.Update(job);

    /// <summary>Pending jobs whose time has come: most urgent first, then oldest first.</summary>
    public IReadOnlyList<OutboxJob> Due(DateTimeOffset now, int limit)
    {
        var at = now.UtcDateTime;
        // LiteDB orders by one key only; the pending set is small, so the order is made here.
        return _items.Find(x => x.State == OutboxState.Pending && x.NextAttemptAt <= at)
            .OrderBy(x => x.Priority).ThenBy(x => x.CreatedAt).ThenBy(x => x.Id, StringComparer.Ordinal)
            .Take(limit).ToList();
    }

    /// <summary>When the next pending job falls due, if any.</summary>
    public DateTime? NextDue() =>
        _items.Find(x => x.State == OutboxState.Pending).Select(x => (DateTime?)x.NextAttemptAt).Min();

    /// <summary>Pending jobs whose time has come but that are not sent yet, and since when the oldest has been due.</summary>
    public (int Count, DateTime? OldestDueAt) DueBacklog(DateTimeOffset now)
    {
        var at = now.UtcDateTime;
        var due = _items.Find(x => x.State == OutboxState.Pending && x.NextAttemptAt <= at).Select(x => x.NextAttemptAt).ToList();
        return (due.Count, due.Count == 0 ? null : due.Min());
    }

    public IReadOnlyList<OutboxJob> ByTopic(string topic) => _items.Find(x => x.Topic == topic).ToList();

    public int Count(OutboxState state) => _items.Count(x => x.State == state);
}
