namespace VocEdWeek.Bot.Conversation;

/// <summary>A file handed to a user in a personal chat (Teams only): first a consent request, then the delivered file.</summary>
public abstract record FileAttachment(string Name);

/// <summary>
/// Asks the user to accept a file before the bot writes it to their OneDrive. The contexts come back in the
/// <see cref="FileConsentAnswer"/> so the bot knows which file was meant.
/// </summary>
public sealed record FileConsentRequest(
    string Name,
    string Description,
    long SizeInBytes,
    IReadOnlyDictionary<string, string> AcceptContext,
    IReadOnlyDictionary<string, string> DeclineContext) : FileAttachment(Name);

/// <summary>A file the user accepted and the bot uploaded: shown in the chat as a file the user can open.</summary>
public sealed record DeliveredFile(string Name, string ContentUrl, string? UniqueId, string? FileType) : FileAttachment(Name);
