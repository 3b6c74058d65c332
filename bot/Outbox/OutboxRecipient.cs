namespace VocEdWeek.Bot.Outbox;

/// <summary>
/// Who a job goes to: a stored conversation (e.g. the office channel), or a person by Entra object id,
/// Teams id (29:…) and/or e-mail. <see cref="TenantId"/> and <see cref="ServiceUrl"/>, when known, are
/// used to open the 1:1 chat if none is stored.
/// </summary>
public sealed class OutboxRecipient
{
    public string? ConversationId { get; set; }
    public string? AadObjectId { get; set; }
    public string? UserId { get; set; }
    public string? Email { get; set; }
    public string Name { get; set; } = "";
    public string? TenantId { get; set; }
    public string? ServiceUrl { get; set; }

    /// <summary>Stable identity for ordering and idempotency keys.</summary>
    // Get-only, so never stored (LiteDB maps only what it can set).
    public string Key => ConversationId ?? AadObjectId ?? UserId ?? Email?.ToLowerInvariant() ?? Name;

    public static OutboxRecipient Conversation(string conversationId, string name) => new() { ConversationId = conversationId, Name = name };
}
