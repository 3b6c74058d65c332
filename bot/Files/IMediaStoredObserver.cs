namespace VocEdWeek.Bot.Files;

/// <summary>Told when a received file is safely in the local store (e.g. to queue it for SharePoint).</summary>
public interface IMediaStoredObserver
{
    void OnStored(MediaRecord record);
}
