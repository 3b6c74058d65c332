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
    /// <summary>Downloads started (counted before each): a file that never finishes is not tried at every start for ever.</summary>
    public int DownloadAttempts { get; set; }
    /// <summary>On a message's first record: files beyond <c>Files:MaxFilesPerMessage</c>, refused unrecorded, named by count.</summary>
    public int BatchOverflow { get; set; }
    /// <summary>The chat to acknowledge in (a stored conversation id).</summary>
    public string ConversationId { get; set; } = "";
    public string Locale { get; set; } = "zh-CN";

    // The copy in the office's SharePoint (when configured): uploaded by a worker after the local store has it.
    public RemoteState Remote { get; set; }
    public string? RemoteItemId { get; set; }
    /// <summary>Path below the drive root, e.g. 职业教育活动周/2024年…/机电工程学院/2024-05-14/a.jpg.</summary>
    public string? RemotePath { get; set; }
    public int RemoteAttempts { get; set; }
    /// <summary>When SharePoint confirmed the upload (UTC).</summary>
    public DateTime? RemoteUploadedAt { get; set; }
    public DateTime? RemoteNextAttemptAt { get; set; }
    /// <summary>Why it is still waiting or failed: a <see cref="Publishing.UploadReason"/> code, put in words when shown.</summary>
    public string? RemoteError { get; set; }
    /// <summary>The technical detail of the last failure (status code, Graph error), for the log and the office.</summary>
    public string? RemoteErrorDetail { get; set; }
    /// <summary>An open Graph upload session, kept so a restart resumes instead of starting over.</summary>
    public string? RemoteSessionUrl { get; set; }
    /// <summary>The local copy was removed after a confirmed upload; read it from SharePoint.</summary>
    public bool LocalDeleted { get; set; }

    /// <summary>The instance working on its pending download or upload (see <see cref="MediaClaim"/>); null when nobody is.</summary>
    public string? ClaimedBy { get; set; }

    /// <summary>Until when (UTC) <see cref="ClaimedBy"/> holds it; another instance may take it over after that.</summary>
    public DateTime? ClaimedUntil { get; set; }

    /// <summary>Lets go of the hold once the work is done (stored, refused, uploaded, or put back to wait).</summary>
    public void Release()
    {
        ClaimedBy = null;
        ClaimedUntil = null;
    }
}

public enum RemoteState
{
    /// <summary>No SharePoint configured (or not a stored file): the local copy is the file.</summary>
    None,
    Waiting,
    Uploaded,
    /// <summary>SharePoint refused it for good (e.g. access denied, quota); the local copy is kept.</summary>
    Failed,
}

public enum MediaState
{
    Pending,
    Stored,
    Refused,
}
