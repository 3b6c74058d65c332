namespace VocEdWeek.Bot.Files.Publishing;

/// <summary>Keeps a record's open upload session in LiteDB, so a restart resumes it.</summary>
public sealed class MediaRecordCheckpoint(MediaRecord record, MediaStore media) : IUploadCheckpoint
{
    public string? SessionUrl => record.RemoteSessionUrl;

    public void Save(string? sessionUrl)
    {
        record.RemoteSessionUrl = sessionUrl;
        media.Update(record);
    }
}
