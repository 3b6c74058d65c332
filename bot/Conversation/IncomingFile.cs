namespace VocEdWeek.Bot.Conversation;

/// <summary>
/// A file the user sent. <see cref="DownloadUrl"/> is a pre-authorised link (file.download.info);
/// when <see cref="NeedsBotToken"/> is true the URL is a connector attachment that needs the bot's token.
/// </summary>
public sealed record IncomingFile(string Name, string? ContentType, string DownloadUrl, bool NeedsBotToken, string? UniqueId);
