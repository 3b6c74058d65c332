using VocEdWeek.Bot.Features.Forms;
using VocEdWeek.Bot.Submissions;

namespace VocEdWeek.Bot.Features.Summary;

/// <summary>
/// Summary versions beyond the card: the file feature calls <see cref="AttachDocument"/> once a Word/PDF
/// summary sent in the chat is stored. It adds a version that keeps the current text and adds the document.
/// </summary>
public sealed class SummaryService(ISubmissionStore store, TimeProvider time)
{
    public const string ItemKey = "summary";

    public SummaryData? Current(string weekId, string departmentId) =>
        store.Current(weekId, departmentId, ItemKey) is { } s ? FormJson.Deserialize<SummaryData>(s.Data) : null;

    /// <summary>Records a summary document; the same <see cref="SummaryDocument.Reference"/> twice stores once.</summary>
    public Submission AttachDocument(string weekId, string departmentId, SummaryDocument document, string byName, string? byAadObjectId, string byTeamsId)
    {
        var current = Current(weekId, departmentId) ?? new SummaryData();
        var data = current with
        {
            Documents = [.. current.Documents.Where(d => d.Reference != document.Reference), document],
        };
        var (stored, _) = store.Submit(new Submission
        {
            WeekId = weekId,
            DepartmentId = departmentId,
            ItemKey = ItemKey,
            SubmittedAt = time.GetUtcNow().UtcDateTime,
            SubmittedByName = byName,
            SubmittedByAadObjectId = byAadObjectId,
            SubmittedByTeamsId = byTeamsId,
            IdempotencyKey = $"{weekId}|{departmentId}|{ItemKey}|doc|{document.Reference}",
            Data = FormJson.Serialize(data),
        });
        return stored;
    }
}
