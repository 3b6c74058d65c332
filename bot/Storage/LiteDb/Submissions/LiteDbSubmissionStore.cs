using System.Collections.Concurrent;
using System.Collections.Immutable;
using LiteDB;
using VocEdWeek.Bot.Submissions;

namespace VocEdWeek.Bot.Storage.LiteDb.Submissions;

/// <summary>
/// Versions of every submission, and exemptions, in the LiteDB file (the only process writing it). A slot's current
/// version is its newest (the highest Version): a submit inserts its version and writes nothing else, and every read
/// derives <see cref="Submission.IsCurrent"/> (<see cref="CurrentVersions"/>; the heads in memory for one slot).
/// </summary>
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
        // One transaction (the group's): a batch's versions and the heads' numbering stand or fall together.
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
            var stored = _items.FindById(id) ?? throw new InvalidOperationException($"Submission {id} is known by its key but not in the file.");
            stored.IsCurrent = _heads.HeadOf(stored.Slot)?.Id == id;
            return (stored, true);
        }
        var slot = Submission.SlotOf(candidate.WeekId, candidate.DepartmentId, candidate.ItemKey);
        var head = _heads.HeadOf(slot);
        candidate.Id = ObjectId.NewObjectId().ToString();
        candidate.Version = (head?.Version ?? 0) + 1;
        candidate.IsCurrent = true;
        _docs.Insert(Document(candidate));
        _heads.Wrote(slot, new SlotHead(candidate.Id, candidate.Version), candidate.IdempotencyKey);
        return (candidate, false);
    }

    // The version without IsCurrent. Nothing rewrites a version once stored, so a flag written now would say "current" on
    // every version of the slot as soon as the next one came: no reader could use it, and one that still did would be
    // wrong. Left out, a stored version says nothing about it; which one is current is derived from the versions alone
    // (the newest). Files from before keep the flags they hold (the demoted false, the newest then true): read, never
    // believed, so they read as they did. An older bot opening a newer file would find no current version: no way back.
    private BsonDocument Document(Submission version)
    {
        var document = _db.Database.Mapper.ToDocument(version);
        document.Remove(nameof(Submission.IsCurrent));
        return document;
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
        CurrentVersions.Marked(OfSlot(weekId, departmentId, itemKey));

    // The committed head says which version is current: read by its id, if the heads still stood once it was read. Not
    // inside a transaction (IAtomicWrites): the heads learn its writes only when it ends, its own reads see them now.
    public Submission? Current(string weekId, string departmentId, string itemKey)
    {
        var slot = Submission.SlotOf(weekId, departmentId, itemKey);
        if (!_db.InTransaction && _heads.Hint(slot) is { } hint && _items.FindById(hint.Head.Id) is { } current
            && current.Slot == slot && _heads.Stands(hint))
        {
            current.IsCurrent = true;
            return current;
        }
        return CurrentVersions.Newest(OfSlot(weekId, departmentId, itemKey));
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

    // Current when it is its slot's newest: a head newer than it (the heads never run ahead of the file) says no at once,
    // the head itself yes; else (heads not known, or behind this version) the slot's versions say.
    public Submission? Find(string id)
    {
        if (_items.FindById(id) is not { } found) return null;
        if (!_db.InTransaction && _heads.Hint(found.Slot) is { } hint && hint.Head.Version >= found.Version && _heads.Stands(hint))
        {
            found.IsCurrent = hint.Head.Id == found.Id;
            return found;
        }
        found.IsCurrent = CurrentVersions.Newest(OfSlot(found.WeekId, found.DepartmentId, found.ItemKey))?.Version == found.Version;
        return found;
    }

    // "week|department|" with its closing bar: department d1 never matches d10's slots.
    public IReadOnlyList<Submission> CurrentOfDepartment(string weekId, string departmentId) =>
        CurrentVersions.NewestOfEach(_items.Find(BsonExpression.Create("Slot LIKE @0", Submission.SlotOf(weekId, departmentId, "") + "%")));

    public IReadOnlyDictionary<(string Department, string Item), SubmissionSummary> Summaries(string weekId) =>
        CurrentVersions.Summaries(OfWeek(weekId));

    // Read from the database once per week, then kept in memory; the returned dictionary is an immutable snapshot.
    public IReadOnlyDictionary<(string Department, string Item), SubmissionTimes> Times(string weekId)
    {
        if (_times.TryGetValue(weekId, out var cached)) return cached;
        lock (_gate)
        {
            if (_times.TryGetValue(weekId, out cached)) return cached;
            cached = CurrentVersions.Times(OfWeek(weekId));
            _times[weekId] = cached;
            return cached;
        }
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
