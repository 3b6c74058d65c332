namespace VocEdWeek.Bot.Protocol;

public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string Invoke = "invoke";
    public const string MessageReaction = "messageReaction";
    public const string Event = "event";
    public const string Typing = "typing";
}

public static class InvokeNames
{
    public const string AdaptiveCardAction = "adaptiveCard/action";
    public const string FileConsent = "fileConsent/invoke";
}

public static class ContentTypes
{
    public const string AdaptiveCard = "application/vnd.microsoft.card.adaptive";
    public const string FileDownloadInfo = "application/vnd.microsoft.teams.file.download.info";
    public const string Html = "text/html";
    public const string InvokeMessage = "application/vnd.microsoft.activity.message";
    public const string InvokeError = "application/vnd.microsoft.error";
    public const string FileConsentCard = "application/vnd.microsoft.teams.card.file.consent";
    public const string FileInfoCard = "application/vnd.microsoft.teams.card.file.info";
}
