namespace VocEdWeek.Bot.Features.UploadPage;

/// <summary>A page run whose chat acknowledgement has gone out.</summary>
public sealed class UploadAcknowledgement
{
    public string Id { get; set; } = "";
    public DateTime At { get; set; }

    /// <summary>How many of the batch's files (in arrival order) have been acknowledged.</summary>
    public int Count { get; set; }
}
