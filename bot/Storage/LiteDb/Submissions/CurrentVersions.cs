using System.Collections.Immutable;
using VocEdWeek.Bot.Submissions;

namespace VocEdWeek.Bot.Storage.LiteDb.Submissions;

/// <summary>
/// Which version is current, derived from the versions read: each slot's newest (the highest Version). The stored
/// documents do not say it (see LiteDbSubmissionStore.Document), and a file from before says it only as it was when the
/// flags were last written, so every version read gets its <see cref="Submission.IsCurrent"/> set here, true or false.
/// Each read is one LiteDB query, so the versions come from one snapshot of the file.
/// </summary>
internal static class CurrentVersions
{
    /// <summary>One slot's versions, oldest (version 1) first, the newest alone current.</summary>
    public static List<Submission> Marked(IEnumerable<Submission> slot)
    {
        var versions = slot.OrderBy(x => x.Version).ToList();
        for (var i = 0; i < versions.Count; i++) versions[i].IsCurrent = i == versions.Count - 1;
        return versions;
    }

    /// <summary>One slot's newest version, marked current; null when the slot has none.</summary>
    public static Submission? Newest(IEnumerable<Submission> slot)
    {
        var newest = slot.MaxBy(x => x.Version);
        if (newest is not null) newest.IsCurrent = true;
        return newest;
    }

    /// <summary>The newest version of each slot, in the order the slots first come (the slot index's order).</summary>
    public static List<Submission> NewestOfEach(IEnumerable<Submission> versions)
    {
        var newest = new List<Submission>();
        var at = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var v in versions)
        {
            v.IsCurrent = true;
            if (!at.TryGetValue(v.Slot, out var i))
            {
                at[v.Slot] = newest.Count;
                newest.Add(v);
            }
            else if (v.Version > newest[i].Version) newest[i] = v;
        }
        return newest;
    }

    /// <summary>Per department and item of a week's versions: the newest, when the first came in, how many there are.</summary>
    public static Dictionary<(string Department, string Item), SubmissionSummary> Summaries(IEnumerable<Submission> week)
    {
        var result = new Dictionary<(string, string), SubmissionSummary>();
        foreach (var s in week)
        {
            var k = (s.DepartmentId, s.ItemKey);
            result.TryGetValue(k, out var sum);
            var first = sum is null || s.SubmittedAt < sum.FirstSubmittedAt ? s.SubmittedAt : sum.FirstSubmittedAt;
            var current = sum is null || s.Version > sum.Current.Version ? s : sum.Current;
            current.IsCurrent = true;
            result[k] = new SubmissionSummary(current, first, Math.Max(sum?.Versions ?? 0, s.Version));
        }
        return result;
    }

    /// <summary>
    /// The same as times only, in one pass: each version's form data is dropped as soon as it is read (a large week
    /// holds megabytes of text).
    /// </summary>
    public static ImmutableDictionary<(string Department, string Item), SubmissionTimes> Times(IEnumerable<Submission> week)
    {
        var result = new Dictionary<(string, string), (DateTime First, DateTime Current, int Versions)>();
        foreach (var s in week)
        {
            var k = (s.DepartmentId, s.ItemKey);
            var found = result.TryGetValue(k, out var sum);
            var newest = !found || s.Version > sum.Versions;
            result[k] = (
                !found || s.SubmittedAt < sum.First ? s.SubmittedAt : sum.First,
                newest ? s.SubmittedAt : sum.Current,
                newest ? s.Version : sum.Versions);
        }
        return result.ToImmutableDictionary(p => p.Key, p => new SubmissionTimes(p.Value.First, p.Value.Current, p.Value.Versions));
    }
}
