namespace VocEdWeek.Bot.Files;

/// <summary>
/// The one place a received file becomes "stored": from the chat (<see cref="FileIntakeWorker"/>) or
/// from the personal upload page. Records the result (letting go of the download's claim), then tells the observers.
/// </summary>
public sealed class MediaArrival(IMediaStore media, IEnumerable<IMediaStoredObserver> observers)
{
    /// <summary>Records it stored and tells the observers; awaited, the record's write holds no thread (<see cref="IMediaStore.UpdateAsync"/>).</summary>
    public async Task StoredAsync(MediaRecord record, StoredFile stored)
    {
        record.FileName = stored.FileName;
        record.Location = stored.Location;
        record.Size = stored.Size;
        record.Sha256 = stored.Sha256;
        record.WebUrl = stored.WebUrl;
        record.State = MediaState.Stored;
        record.DownloadUrl = null; // a pre-authorised link is a secret; not kept once used
        record.Release();
        if (string.IsNullOrEmpty(record.Id)) await media.AddBatchAsync([record]);
        else await media.UpdateAsync(record);
        foreach (var observer in observers) observer.OnStored(record);
    }
}
