using LiteDB;
using VocEdWeek.Bot.Outbox;

namespace VocEdWeek.Bot.Storage.LiteDb.Outbox;

/// <summary>
/// The outbox collection of the LiteDB file. One process owns the file, so at start every job still marked as being
/// sent was cut off by a crash (closed as interrupted) and every claim left on a pending job is stale (let go).
/// Claims are made under a lock: read-then-write is atomic among this process's threads, which are all there is.
/// </summary>
public sealed class LiteDbOutboxStore : IOutboxStore
{
    private readonly BotDatabase _db;
    private readonly ILiteCollection<OutboxJob> _items;
    private readonly Lock _claims = new();

    public LiteDbOutboxStore(BotDatabase db, TimeProvider time)
    {
        _db = db;
        _items = db.Collection<OutboxJob>("outbox");
        _items.EnsureIndex(x => x.State);
        _items.EnsureIndex(x => x.Topic);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var cut in _items.Find(x => x.State == OutboxState.Sending).ToList()) Interrupt(cut, now);
        foreach (var stale in _items.Find(x => x.State == OutboxState.Pending && x.ClaimedUntil != null).ToList())
        {
            stale.ClaimedUntil = null;
            _items.Update(stale);
        }
    }

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

    public IReadOnlyList<OutboxJob> Due(DateTimeOffset now, int limit) => DueJobs(now).Take(limit).ToList();

    public DateTime? NextDue() =>
        _items.Find(x => x.State == OutboxState.Pending).Select(x => (DateTime?)x.NextAttemptAt).Min();

    public (int Count, DateTime? OldestDueAt) DueBacklog(DateTimeOffset now)
    {
        var at = now.UtcDateTime;
        var due = _items.Find(x => x.State == OutboxState.Pending && x.NextAttemptAt <= at).Select(x => x.NextAttemptAt).ToList();
        return (due.Count, due.Count == 0 ? null : due.Min());
    }

    public IReadOnlyList<OutboxJob> ByTopic(string topic) => _items.Find(x => x.Topic == topic).ToList();

    public int Count(OutboxState state) => _items.Count(x => x.State == state);

    public IReadOnlyList<OutboxJob> ClaimDue(DateTimeOffset now, int limit, string instance, TimeSpan lease)
    {
        var until = (now + lease).UtcDateTime;
        lock (_claims)
        {
            var claimed = DueJobs(now).Where(x => Free(x, instance, now.UtcDateTime)).Take(limit).ToList();
            // One transaction: one disk flush for the round, not one per job.
            var own = _db.Database.BeginTrans();
            try
            {
                foreach (var job in claimed)
                {
                    job.ClaimedBy = instance;
                    job.ClaimedUntil = until;
                    _items.Update(job);
                }
                if (own) _db.Database.Commit();
            }
            catch when (own)
            {
                _db.Database.Rollback();
                throw;
            }
            return claimed;
        }
    }

    public OutboxJob? TryClaim(string id, string instance, DateTimeOffset now, TimeSpan lease)
    {
        lock (_claims)
        {
            var job = _items.FindById(id);
            if (job is null || job.State != OutboxState.Pending || !Free(job, instance, now.UtcDateTime)) return null;
            job.State = OutboxState.Sending;
            job.ClaimedBy = instance;
            job.ClaimedUntil = (now + lease).UtcDateTime;
            job.UpdatedAt = now.UtcDateTime;
            _items.Update(job);
            return job;
        }
    }

    public int InterruptExpired(DateTimeOffset now)
    {
        var at = now.UtcDateTime;
        lock (_claims)
        {
            var cut = _items.Find(x => x.State == OutboxState.Sending).Where(x => x.ClaimedUntil is not { } until || until <= at).ToList();
            foreach (var job in cut) Interrupt(job, at);
            return cut.Count;
        }
    }

    private void Interrupt(OutboxJob job, DateTime now)
    {
        job.State = OutboxState.Failed;
        job.Outcome = OutboxOutcome.Interrupted;
        job.UpdatedAt = now;
        _items.Update(job);
    }

    private static bool Free(OutboxJob job, string instance, DateTime now) =>
        job.ClaimedUntil is not { } until || until <= now || job.ClaimedBy == instance;

    private IEnumerable<OutboxJob> DueJobs(DateTimeOffset now)
    {
        var at = now.UtcDateTime;
        // LiteDB orders by one key only; the pending set is small, so the order is made here.
        return _items.Find(x => x.State == OutboxState.Pending && x.NextAttemptAt <= at)
            .OrderBy(x => x.Priority).ThenBy(x => x.CreatedAt).ThenBy(x => x.Id, StringComparer.Ordinal);
    }
}
