using VocEdWeek.Bot.Features.UploadPage;

namespace VocEdWeek.Bot.Storage.PostgreSql.UploadPage;

/// <summary>Upload-page acknowledgements in <c>upload_acknowledgements</c> (migration 0004).</summary>
public sealed class PgUploadAcknowledgementStore(PgDatabase db) : IUploadAcknowledgementStore
{
    /// <summary>
    /// In one transaction with the batch's row locked (SELECT … FOR UPDATE), so a claim on another instance waits and then
    /// sees this one's count. A batch not stored yet is inserted with ON CONFLICT DO NOTHING; when another instance
    /// inserted it meanwhile, its row is locked and read again.
    /// </summary>
    public int Acknowledge(string batchId, int count, DateTime at) => db.InTransaction(_ =>
    {
        while (true)
        {
            var done = db.Scalar<int?>("SELECT count FROM upload_acknowledgements WHERE id = $1 FOR UPDATE", batchId);
            if (done is { } before)
            {
                if (count > before) db.Execute("UPDATE upload_acknowledgements SET at = $2, count = $3 WHERE id = $1", batchId, at, count);
                return before;
            }
            if (count <= 0) return 0;
            if (db.Execute("INSERT INTO upload_acknowledgements (id, at, count) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING", batchId, at, count) == 1)
                return 0;
        }
    });

    public UploadAcknowledgement? Find(string batchId) => db.Query(
        "SELECT id, at, count FROM upload_acknowledgements WHERE id = $1",
        r => new UploadAcknowledgement { Id = r.GetString(0), At = r.GetDateTime(1), Count = r.GetInt32(2) }, batchId).SingleOrDefault();
}
