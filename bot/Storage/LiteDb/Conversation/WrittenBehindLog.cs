namespace VocEdWeek.Bot.Storage.LiteDb.Conversation;

/// <summary>What the write-behind of conversation references says: every failure, never silently.</summary>
internal static partial class WrittenBehindLog
{
    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The reference of conversation {ConversationId} could not be stored yet; it is kept in memory and tried again")]
    public static partial void WriteFailed(ILogger logger, Exception? error, string conversationId);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "The reference of conversation {ConversationId} was not stored before the bot stopped; its next message stores it again")]
    public static partial void NotStoredAtShutdown(ILogger logger, string conversationId);
}
