namespace VocEdWeek.Bot.Conversation;

/// <summary>
/// The user's answer to a <see cref="FileConsentRequest"/>: accepted (with where to upload) or declined, and the
/// context the request carried. Only string values of the context are kept.
/// </summary>
public sealed record FileConsentAnswer(bool Accepted, IReadOnlyDictionary<string, string> Context, FileUploadTarget? Upload)
{
    public string? this[string key] => Context.GetValueOrDefault(key);
}

/// <summary>Where an accepted file goes: an upload session URL (no token needed) and the file's address once written.</summary>
public sealed record FileUploadTarget(string Name, string UploadUrl, string? ContentUrl, string? UniqueId, string? FileType);
