namespace VocEdWeek.Bot.Files;

/// <summary>
/// The one place a received file becomes "stored": from the chat (<see cref="FileIntakeWorker"/>) or
/// from the personal upload page. Records the result (letting go of the download's claim), then tells the observers.
/// </summary>
public sealed class MediaArrival(IMediaStore media, IEnumerable<IMediaStoredObserver> observers)
{
    public void Stored(MediaRecord record, StoredFile stored)
    {
        record.FileName = stored.FileName;
        record.Location = stored.Location;
        record.Size = stored.Size;
        record.Sha256 = stored.Sha256;
        record.WebUrl = stored.WebUrl;
        record.State = MediaState.Stored;
        record.DownloadUrl = null; // a pre-authorised link is a secret; not kept once used
        record.Release();
        if (string.IsNullOrEmpty(record.Id)) media.Add(record);
        else media.Update(record);
        foreach (var observer in observers) observer.OnStored(record);
    }
}
