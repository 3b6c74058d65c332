using VocEdWeek.Bot.Submissions;

namespace VocEdWeek.Bot.Tests.Features.Forms;

/// <summary>The real store, counting the reads the form's caches are there to save (<c>History</c>, <c>Current</c>).</summary>
public sealed class CountingSubmissionStore(ISubmissionStore inner) : ISubmissionStore
{
    public int HistoryReads { get; private set; }

    public int CurrentReads { get; private set; }

    public (Submission Stored, bool Duplicate) Submit(Submission candidate) => inner.Submit(candidate);

    public IReadOnlyList<Submission> History(string weekId, string departmentId, string itemKey)
    {
        HistoryReads++;
        return inner.History(weekId, departmentId, itemKey);
    }

    public Submission? Current(string weekId, string departmentId, string itemKey)
    {
        CurrentReads++;
        return inner.Current(weekId, departmentId, itemKey);
    }

    public Submission? Find(string id) => inner.Find(id);

    public IReadOnlyList<Submission> CurrentOfDepartment(string weekId, string departmentId) => inner.CurrentOfDepartment(weekId, departmentId);

    public IReadOnlyDictionary<(string Department, string Item), SubmissionSummary> Summaries(string weekId) => inner.Summaries(weekId);

    public IReadOnlyDictionary<(string Department, string Item), SubmissionTimes> Times(string weekId) => inner.Times(weekId);

    public void Exempt(Exemption exemption) => inner.Exempt(exemption);

    public bool RemoveExemption(string weekId, string departmentId, string itemKey) => inner.RemoveExemption(weekId, departmentId, itemKey);

    public IReadOnlyDictionary<(string Department, string Item), Exemption> Exemptions(string weekId) => inner.Exemptions(weekId);
}
