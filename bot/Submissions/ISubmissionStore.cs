namespace VocEdWeek.Bot.Submissions;

/// <summary>
/// Versions of every submission, and exemptions (免报). Written before the bot answers. A slot is one department's one
/// item of one week; every version of it is kept and exactly one, the newest, is current.
/// </summary>
public interface ISubmissionStore
{
    /// <summary>
    /// Stores a new version (numbered 1, 2, … per slot, made current) unless this idempotency key was stored already:
    /// then returns that one with Duplicate true. Safe to call for one slot from several threads or instances at once.
    /// </summary>
    (Submission Stored, bool Duplicate) Submit(Submission candidate);

    /// <summary><see cref="Submit"/> for the request path: stored (durably) when the task ends, without holding a thread meanwhile where the store can.</summary>
    Task<(Submission Stored, bool Duplicate)> SubmitAsync(Submission candidate) => Task.FromResult(Submit(candidate));

    /// <summary>Every version of one slot, oldest (version 1) first; empty when nothing was handed in.</summary>
    IReadOnlyList<Submission> History(string weekId, string departmentId, string itemKey);

    Submission? Current(string weekId, string departmentId, string itemKey);

    Submission? Find(string id);

    /// <summary>
    /// The current version of each of one department's items (plan, reports, statistics, summary), read through the slot
    /// index: exports walk a week department by department instead of loading the week.
    /// </summary>
    IReadOnlyList<Submission> CurrentOfDepartment(string weekId, string departmentId);

    /// <summary>Per department and item: the current version and when the first version came in.</summary>
    IReadOnlyDictionary<(string Department, string Item), SubmissionSummary> Summaries(string weekId);

    /// <summary>
    /// Per department and item: first and current submission time and the number of versions, without the form data
    /// (what "who has not reported" needs, asked on every progress answer). The dictionary is a snapshot.
    /// </summary>
    IReadOnlyDictionary<(string Department, string Item), SubmissionTimes> Times(string weekId);

    /// <summary>Sets the exemption of its slot, replacing one set before.</summary>
    void Exempt(Exemption exemption);

    /// <summary>False when the slot had no exemption.</summary>
    bool RemoveExemption(string weekId, string departmentId, string itemKey);

    IReadOnlyDictionary<(string Department, string Item), Exemption> Exemptions(string weekId);
}
