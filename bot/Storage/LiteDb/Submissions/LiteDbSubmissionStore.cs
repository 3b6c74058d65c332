using System.Collections.Concurrent;
using System.Collections.Immutable;
using LiteDB;
using VocEdWeek.Bot.Submissions;

namespace VocEdWeek.Bot.Storage.LiteDb.Submissions;

/// <summary>Versions of every submission, and exemptions, in the LiteDB file (the only process writing it).</summary>
public sealed class LiteDbSubmissionStore : ISubmissionStore
{
    private const string Collection = "submissions";
    private readonly ILiteCollection<Submission> _items;
    private readonly ILiteCollection<BsonDocument> _docs;
    private readonly ILiteCollection<Exemption> _exemptions;
    // Versioning needs "read newest, write next" to be atomic: every submit is a write of this group, run one after
    // another on its writer; concurrent submits share one commit (the 12:00 rush is many at once).
    private readonly GroupCommit _write;
    // Each slot's current version and every key stored, so a submit seeks nothing but writes its version (see SubmissionHeads).
    private readonly SubmissionHeads _heads;
    // The writer's own expression (one writer at a time): parsed once, its parameter set per use.
    private readonly BsonExpression _demote = BsonExpression.Create("{IsCurrent: false}");
    private readonly BsonExpression _byId = BsonExpression.Create("_id = @0", "");
    // Guards the times kept in memory (below) and reading them the first time.
    private readonly Lock _gate = new();
    // Per week, the times of every department's items, read once and then kept current by Submit: progress answers
    // need no database read (every write of submissions goes through this store, and the file has one process).
    private readonly ConcurrentDictionary<string, ImmutableDictionary<(string Department, string Item), SubmissionTimes>> _times = new(StringComparer.Ordinal);

    public LiteDbSubmissionStore(BotDatabase db)
    {
        _db = db;
        _heads = new SubmissionHeads(db, ReadVersions);
        _write = new GroupCommit(db, _heads);
        _items = db.Collection<Submission>(Collection);
        _docs = db.Collection<BsonDocument>(Collection);
        // The slot index is all a submit writes besides the id: current versions and keys are known from memory, and a
        // week is read by its slots' prefix. Files from before keep their other indexes until opened here (each insert
        // would pay for them).
        foreach (var old in new[] { "WeekId", "IdempotencyKey", "CurrentSlot" }) _items.DropIndex(old);
        _items.EnsureIndex(x => x.Slot);
        _exemptions = db.Collection<Exemption>("exemptions");
        _exemptions.EnsureIndex(x => x.WeekId);
    }

    private readonly BotDatabase _db;

    /// <summary>The group the submits are written in (tests: to hold its writer while a batch forms).</summary>
    internal GroupCommit Group => _write;

    public (Submission Stored, bool Duplicate) Submit(Submission candidate)
    {
        // One transaction (the group's): a write that fails half-way (a full disk) must not leave the old version
        // demoted and no new one current.
        if (_db.InTransaction) return Joined(candidate);
        var (stored, duplicate) = _write.Write(() => Store(candidate));
        if (!duplicate) Remember(stored);
        return (stored, duplicate);
    }

    public async Task<(Submission Stored, bool Duplicate)> SubmitAsync(Submission candidate)
    {
        if (_db.InTransaction) return Joined(candidate);
        var (stored, duplicate) = await _write.WriteAsync(() => Store(candidate));
        if (!duplicate) Remember(stored);
        return (stored, duplicate);
    }

    // Inside a caller's transaction (IAtomicWrites: thousands of versions in one commit when a week is seeded): written
    // there, the heads held for it until it ends, and the times told only once it committed.
    private (Submission, bool) Joined(Submission candidate)
    {
        _heads.Join();
        var (stored, duplicate) = Store(candidate);
        if (!duplicate) _db.WhenTransactionEnds(committed => { if (committed) Remember(stored); });
        return (stored, duplicate);
    }

    // May run twice (GroupCommit: a batch that failed is run again write by write): it changes the heads only through
    // SubmissionHeads, which keeps them aside until the transaction has committed.
    private (Submission, bool) Store(Submission candidate)
    {
        _heads.EnsureRead();
        if (candidate.IdempotencyKey is { } key && _heads.IdOfKey(key) is { } id)
        {
            return (_items.FindById(id) ?? throw new InvalidOperationException($"Submission {id} is known by its key but not in the file."), true);
        }
        var slot = Submission.SlotOf(candidate.WeekId, candidate.DepartmentId, candidate.ItemKey);
        var head = _heads.HeadOf(slot);
        if (head is not null)
        {
            // The previous version is demoted in place: no index holds IsCurrent, so only its document is rewritten.
            _byId.Parameters["0"] = head.Id;
            _docs.UpdateMany(_demote, _byId);
        }
        candidate.Id = ObjectId.NewObjectId().ToString();
        candidate.Version = (head?.Version ?? 0) + 1;
        candidate.IsCurrent = true;
        _items.Insert(candidate);
        _heads.Wrote(slot, new SlotHead(candidate.Id, candidate.Version), candidate.IdempotencyKey);
        return (candidate, false);
    }

    // Every version's id, slot, number and key, without its form data (read when the heads are not known).
    private IEnumerable<StoredVersion> ReadVersions() =>
        _docs.Query().Select("{_id, WeekId, DepartmentId, ItemKey, Version, IdempotencyKey}").ToEnumerable()
            .Select(d => new StoredVersion(
                d["_id"].AsString, Submission.SlotOf(d["WeekId"].AsString, d["DepartmentId"].AsString, d["ItemKey"].AsString),
                d["Version"].AsInt32, d["IdempotencyKey"] is { IsString: true } k ? k.AsString : null));

    // After the commit, so memory never shows what the file does not hold. Submits of one slot commit in version order
    // but may get here in any order: a version never replaces a newer one.
    private void Remember(Submission stored)
    {
        lock (_gate)
        {
            if (!_times.TryGetValue(stored.WeekId, out var times)) return;
            var k = (stored.DepartmentId, stored.ItemKey);
            var found = times.TryGetValue(k, out var was);
            if (found && was!.Versions >= stored.Version) return;
            var first = found && was!.FirstSubmittedAt < stored.SubmittedAt ? was.FirstSubmittedAt : stored.SubmittedAt;
            _times[stored.WeekId] = times.SetItem(k, new SubmissionTimes(first, stored.SubmittedAt, stored.Version));
        }
    }

    public IReadOnlyList<Submission> History(string weekId, string departmentId, string itemKey) =>
        OfSlot(weekId, departmentId, itemKey).OrderBy(x => x.Version).ToList();

    // The head's id is a hint (the writer may be reading the heads again): the version found by it must say it is current.
    public Submission? Current(string weekId, string departmentId, string itemKey)
    {
        var slot = Submission.SlotOf(weekId, departmentId, itemKey);
        if (_heads.Hint(slot) is { } head && _items.FindById(head.Id) is { IsCurrent: true } current && current.Slot == slot) return current;
        return OfSlot(weekId, departmentId, itemKey).FirstOrDefault(x => x.IsCurrent);
    }

    // Queries on the indexes with the value as a parameter. LiteDB translates a lambda predicate anew on every call (about
    // 2 ms each, measured), and compiles an expression with the value written in it (Query.EQ) into a new delegate for
    // every value, kept forever in a static cache: some 0.5 ms and a delegate per submit. "Slot = @0" is compiled once.
    private IEnumerable<Submission> OfSlot(string weekId, string departmentId, string itemKey) =>
        _items.Find(BsonExpression.Create("Slot = @0", Submission.SlotOf(weekId, departmentId, itemKey)));

    // A week through the slot index ("week|" prefix, closing bar included). LIKE's wildcards (and LiteDB's case-blind
    // collation) may let a slot of another week through: the week id is compared exactly, as PostgreSQL does.
    private IEnumerable<Submission> OfWeek(string weekId) =>
        _items.Find(BsonExpression.Create("Slot LIKE @0", weekId + "|%")).Where(x => x.WeekId == weekId);

    public Submission? Find(string id) => _items.FindById(id);

    // "week|department|" with its closing bar: department d1 never matches d10's slots.
    public IReadOnlyList<Submission> CurrentOfDepartment(string weekId, string departmentId) =>
        _items.Find(BsonExpression.Create("Slot LIKE @0", Submission.SlotOf(weekId, departmentId, "") + "%")).Where(x => x.IsCurrent).ToList();

    public IReadOnlyDictionary<(string Department, string Item), SubmissionSummary> Summaries(string weekId)
    {
        var result = new Dictionary<(string, string), SubmissionSummary>();
        foreach (var s in OfWeek(weekId))
        {
            var k = (s.DepartmentId, s.ItemKey);
            result.TryGetValue(k, out var sum);
            var first = sum is null || s.SubmittedAt < sum.FirstSubmittedAt ? s.SubmittedAt : sum.FirstSubmittedAt;
            var current = s.IsCurrent ? s : sum?.Current;
            result[k] = new SubmissionSummary(current!, first, Math.Max(sum?.Versions ?? 0, s.Version));
        }
        return result.Where(p => p.Value.Current is not null).ToDictionary(p => p.Key, p => p.Value);
    }

    // Read from the database once per week, then kept in memory; the returned dictionary is an immutable snapshot.
    public IReadOnlyDictionary<(string Department, string Item), SubmissionTimes> Times(string weekId)
    {
        if (_times.TryGetValue(weekId, out var cached)) return cached;
        lock (_gate)
        {
            if (_times.TryGetValue(weekId, out cached)) return cached;
            cached = ReadTimes(weekId);
            _times[weekId] = cached;
            return cached;
        }
    }

    // One pass keeping times only: the versions' form data is dropped as it is read (a large week holds megabytes of text).
    private ImmutableDictionary<(string Department, string Item), SubmissionTimes> ReadTimes(string weekId)
    {
        var result = new Dictionary<(string, string), (DateTime First, DateTime? Current, int Versions)>();
        foreach (var s in OfWeek(weekId))
        {
            var k = (s.DepartmentId, s.ItemKey);
            var found = result.TryGetValue(k, out var sum);
            result[k] = (
                !found || s.SubmittedAt < sum.First ? s.SubmittedAt : sum.First,
                s.IsCurrent ? s.SubmittedAt : sum.Current,
                Math.Max(sum.Versions, s.Version));
        }
        return result.Where(p => p.Value.Current is not null)
            .ToImmutableDictionary(p => p.Key, p => new SubmissionTimes(p.Value.First, p.Value.Current!.Value, p.Value.Versions));
    }

    public void Exempt(Exemption exemption)
    {
        exemption.Id = Exemption.KeyOf(exemption.WeekId, exemption.DepartmentId, exemption.ItemKey);
        _exemptions.Upsert(exemption);
    }

    public bool RemoveExemption(string weekId, string departmentId, string itemKey) =>
        _exemptions.Delete(Exemption.KeyOf(weekId, departmentId, itemKey));

    public IReadOnlyDictionary<(string Department, string Item), Exemption> Exemptions(string weekId) =>
        _exemptions.Find(x => x.WeekId == weekId).ToDictionary(e => (e.DepartmentId, e.ItemKey));
}
