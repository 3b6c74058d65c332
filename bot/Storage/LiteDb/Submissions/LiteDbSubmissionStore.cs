using System.Collections.Concurrent;
using System.Collections.Immutable;
using LiteDB;
using VocEdWeek.Bot.Submissions;

namespace VocEdWeek.Bot.Storage.LiteDb.Submissions;

/// <summary>Versions of every submission, and exemptions, in the LiteDB file (the only process writing it).</summary>
public sealed class LiteDbSubmissionStore : ISubmissionStore
{
    private readonly ILiteCollection<Submission> _items;
    private readonly ILiteCollection<Exemption> _exemptions;
    // Versioning needs "read newest, write next" to be atomic: every submit is a write of this group, run one after
    // another on its writer; concurrent submits share one commit (the 12:00 rush is many at once).
    private readonly GroupCommit _write;
    // Guards the times kept in memory (below) and reading them the first time.
    private readonly Lock _gate = new();
    // Per week, the times of every department's items, read once and then kept current by Submit: progress answers
    // need no database read (every write of submissions goes through this store, and the file has one process).
    private readonly ConcurrentDictionary<string, ImmutableDictionary<(string Department, string Item), SubmissionTimes>> _times = new(StringComparer.Ordinal);

    public LiteDbSubmissionStore(BotDatabase db)
    {
        _write = new GroupCommit(db);
        _items = db.Collection<Submission>("submissions");
        _items.EnsureIndex(x => x.WeekId);
        _items.EnsureIndex(x => x.IdempotencyKey);
        _items.EnsureIndex(x => x.Slot);
        // Built from the stored versions when first ensured, so a file from before it has it right at once.
        _items.EnsureIndex(CurrentIndex, BsonExpression.Create(CurrentKey));
        _exemptions = db.Collection<Exemption>("exemptions");
        _exemptions.EnsureIndex(x => x.WeekId);
    }

    public (Submission Stored, bool Duplicate) Submit(Submission candidate)
    {
        // One transaction (the group's): a write that fails half-way (a full disk) must not leave the old version
        // demoted and no new one current.
        var (stored, duplicate) = _write.Write(() => Store(candidate));
        if (!duplicate) Remember(stored);
        return (stored, duplicate);
    }

    public async Task<(Submission Stored, bool Duplicate)> SubmitAsync(Submission candidate)
    {
        var (stored, duplicate) = await _write.WriteAsync(() => Store(candidate));
        if (!duplicate) Remember(stored);
        return (stored, duplicate);
    }

    // May run twice (GroupCommit: a batch that failed is run again write by write), so it only reads and writes the file.
    private (Submission, bool) Store(Submission candidate)
    {
        if (candidate.IdempotencyKey is { } key && _items.FindOne(ByKey(key)) is { } existing)
        {
            return (existing, true);
        }
        // The newest version is the current one, numbered as many as there are: only it is read, not every version.
        var current = _items.Find(CurrentOf(candidate.WeekId, candidate.DepartmentId, candidate.ItemKey)).ToList();
        var versions = current.Count > 0 ? current.Max(c => c.Version) : OfSlot(candidate.WeekId, candidate.DepartmentId, candidate.ItemKey).Count();
        foreach (var old in current)
        {
            old.IsCurrent = false;
            _items.Update(old);
        }
        candidate.Id = ObjectId.NewObjectId().ToString();
        candidate.Version = versions + 1;
        candidate.IsCurrent = true;
        _items.Insert(candidate);
        return (candidate, false);
    }

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

    public Submission? Current(string weekId, string departmentId, string itemKey) =>
        _items.FindOne(CurrentOf(weekId, departmentId, itemKey));

    // An index of the current versions by slot (null for every other version): the current version of a slot is one
    // index seek and one document, asked several times a submit (the report's choices, the version it replaces).
    private const string CurrentIndex = "CurrentSlot";
    private const string CurrentKey = "IIF($.IsCurrent = true, $.Slot, null)";

    internal static BsonExpression CurrentOf(string weekId, string departmentId, string itemKey) =>
        BsonExpression.Create(CurrentKey + " = @0", Submission.SlotOf(weekId, departmentId, itemKey));

    // Queries on the indexes with the value as a parameter. LiteDB translates a lambda predicate anew on every call (about
    // 2 ms each, measured), and compiles an expression with the value written in it (Query.EQ) into a new delegate for
    // every value, kept forever in a static cache: some 0.5 ms and a delegate per submit. "Slot = @0" is compiled once.
    private IEnumerable<Submission> OfSlot(string weekId, string departmentId, string itemKey) =>
        _items.Find(BsonExpression.Create("Slot = @0", Submission.SlotOf(weekId, departmentId, itemKey)));

    private static BsonExpression ByKey(string idempotencyKey) => BsonExpression.Create("IdempotencyKey = @0", idempotencyKey);

    public Submission? Find(string id) => _items.FindById(id);

    // "week|department|" with its closing bar: department d1 never matches d10's slots.
    public IReadOnlyList<Submission> CurrentOfDepartment(string weekId, string departmentId) =>
        _items.Find(BsonExpression.Create("Slot LIKE @0", Submission.SlotOf(weekId, departmentId, "") + "%")).Where(x => x.IsCurrent).ToList();

    public IReadOnlyDictionary<(string Department, string Item), SubmissionSummary> Summaries(string weekId)
    {
        var result = new Dictionary<(string, string), SubmissionSummary>();
        foreach (var s in _items.Find(x => x.WeekId == weekId))
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
        foreach (var s in _items.Find(x => x.WeekId == weekId))
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
