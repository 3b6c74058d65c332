namespace VocEdWeek.Bot.Files;

/// <summary>
/// Reads a stored file for the bot's own pages and exports: the local copy while it exists, else the
/// SharePoint copy (local copies are cleaned up after a confirmed upload).
/// </summary>
public sealed class MediaContent(IFileStore local, IServiceProvider services)
{
    private IRemoteFileStore? Remote => services.GetService<IRemoteFileStore>();

    /// <summary>The file's bytes (or a thumbnail when asked and available), or null when it cannot be read.</summary>
    public async Task<Stream?> OpenAsync(MediaRecord record, bool thumbnail, CancellationToken ct)
    {
        if (record.State != MediaState.Stored) return null;
        if (!record.LocalDeleted && !string.IsNullOrEmpty(record.Location))
        {
            try
            {
                return local.OpenRead(record.Location);
            }
            catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
            {
                // Fall through to SharePoint.
            }
        }
        if (Remote is not { } remote || record.RemoteItemId is not { } itemId) return null;
        try
        {
            if (thumbnail && await remote.OpenThumbnailAsync(itemId, ct) is { } thumb) return thumb;
            return await remote.OpenReadAsync(itemId, ct);
        }
        catch (RemoteStoreException)
        {
            return null;
        }
    }
}
