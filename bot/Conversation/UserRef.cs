namespace VocEdWeek.Bot.Conversation;

/// <summary>The person behind a turn: Teams id (29:…), Entra object id, display name.</summary>
public sealed record UserRef(string Id, string? AadObjectId, string? Name);
