using LiteDB;
using VocEdWeek.Bot.Features.UploadPage;

namespace VocEdWeek.Bot.Storage.LiteDb.UploadPage;

/// <summary>Upload-page acknowledgements in the LiteDB file (one process holds it, so one lock makes each claim atomic).</summary>
public sealed class LiteDbUploadAcknowledgementStore(BotDatabase db) : IUploadAcknowledgementStore
{
    private readonly ILiteCollection<UploadAcknowledgement> _sent = db.Collection<UploadAcknowledgement>("upload_acknowledgements");
    private readonly Lock _gate = new();

    public int Acknowledge(string batchId, int count, DateTime at)
    {
        lock (_gate)
        {
            // An entry without a count comes from before counts were kept: it acknowledged all of the batch.
            var done = _sent.FindById(batchId) switch { null => 0, { Count: 0 } => count, var e => e.Count };
            if (count > done) _sent.Upsert(new UploadAcknowledgement { Id = batchId, At = at, Count = count });
            return done;
        }
    }

    public UploadAcknowledgement? Find(string batchId) => _sent.FindById(batchId);
}
