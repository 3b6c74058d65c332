namespace VocEdWeek.Bot.Files.Publishing;

/// <summary>Why a file is still waiting for SharePoint or failed; kept on the record, put in words when shown.</summary>
public static class UploadReason
{
    public const string Unavailable = "unavailable";
    public const string Throttled = "throttled";
    public const string Refused = "refused";
    public const string LocalMissing = "local-missing";
}
