namespace VocEdWeek.Bot.Protocol.Connector;

/// <summary>
/// One connector call, ready to be sent (and re-sent): the JSON body is serialized once.
/// <see cref="ThreadKey"/> names the Teams thread the call counts against (null for reads);
/// <see cref="NotAfter"/>, when set, is the instant after which waiting to send it is pointless.
/// </summary>
public sealed record ConnectorRequest(
    string Operation,
    HttpMethod Method,
    Uri Uri,
    byte[]? Body,
    string? ThreadKey,
    string? TenantKey,
    DateTimeOffset? NotAfter = null)
{
    /// <summary>
    /// Whether sending it twice does no harm: reads, updates (PUT the same content) and opening a 1:1 chat (Teams
    /// returns the same one). A POSTed message or a new channel thread would appear twice.
    /// </summary>
    public bool IsIdempotent => Method != HttpMethod.Post || Operation == "createConversation";
}
