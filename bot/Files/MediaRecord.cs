namespace VocEdWeek.Bot.Files;

/// <summary>A received photo, video or document, attached to one department's item (e.g. a day's report).</summary>
public sealed class MediaRecord
{
    public string Id { get; set; } = "";
    public string WeekId { get; set; } = "";
    public string DepartmentId { get; set; } = "";
    public string ItemKey { get; set; } = "";
    public string FileName { get; set; } = "";
    public string OriginalName { get; set; } = "";
    public MediaKind Kind { get; set; }
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";
    public string Location { get; set; } = "";
    public string? WebUrl { get; set; }
    public DateTime ReceivedAt { get; set; }
    public string FromName { get; set; } = "";
    public string? FromAadObjectId { get; set; }
    /// <summary>The Teams message it came in, so a re-delivered message is not stored twice.</summary>
    public string? SourceKey { get; set; }
    /// <summary>Files of one message form a batch and get one acknowledgement.</summary>
    public string BatchId { get; set; } = "";
    public MediaState State { get; set; }
    public string? RefusedReason { get; set; }
    /// <summary>Where to fetch it while pending (Teams links expire: fetched right away).</summary>
    public string? DownloadUrl { get; set; }
    public bool NeedsBotToken { get; set; }
    /// <summary>The chat to acknowledge in (a stored conversation id).</summary>
    public string ConversationId { get; set; } = "";
    public string Locale { get; set; } = "zh-CN";
}

public enum MediaState
{
    Pending,
    Stored,
    Refused,
}
