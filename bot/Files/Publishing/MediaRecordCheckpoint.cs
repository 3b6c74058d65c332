namespace VocEdWeek.Bot.Files.Publishing;

/// <summary>
/// Keeps a record's open upload session in the store, so a restart resumes it; each save also renews the upload's claim
/// (<paramref name="renew"/>: the hold from now), so a long upload that is still moving is not taken over by another instance.
/// </summary>
public sealed class MediaRecordCheckpoint(MediaRecord record, IMediaStore media, Func<MediaClaim> renew) : IUploadCheckpoint
{
    public string? SessionUrl => record.RemoteSessionUrl;

    public void Save(string? sessionUrl)
    {
        record.RemoteSessionUrl = sessionUrl;
        renew().Hold(record);
        media.Update(record);
    }
}
