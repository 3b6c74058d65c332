using System.Globalization;

namespace VocEdWeek.Bot.Protocol.Connector;

/// <summary>
/// Connector REST URLs under a conversation's own serviceUrl (protocol.md §3). Every id is
/// escaped: Teams ids contain <c>: @ ; =</c>.
/// </summary>
public static class ConnectorPaths
{
    private const string MessageIdMarker = ";messageid=";

    public static Uri Conversations(string serviceUrl) => Build(serviceUrl, "v3/conversations");

    public static Uri Activities(string serviceUrl, string conversationId) =>
        Build(serviceUrl, $"v3/conversations/{Esc(conversationId)}/activities");

    public static Uri Activity(string serviceUrl, string conversationId, string activityId) =>
        Build(serviceUrl, $"v3/conversations/{Esc(conversationId)}/activities/{Esc(activityId)}");

    public static Uri Member(string serviceUrl, string conversationId, string userId) =>
        Build(serviceUrl, $"v3/conversations/{Esc(conversationId)}/members/{Esc(userId)}");

    public static Uri PagedMembers(string serviceUrl, string conversationId, int pageSize, string? continuationToken)
    {
        var query = "pageSize=" + pageSize.ToString(CultureInfo.InvariantCulture);
        if (!string.IsNullOrEmpty(continuationToken)) query += "&continuationToken=" + Esc(continuationToken);
        return Build(serviceUrl, $"v3/conversations/{Esc(conversationId)}/pagedmembers?{query}");
    }

    /// <summary>True when <paramref name="serviceUrl"/> is an absolute http(s) URL the connector can be called at.</summary>
    public static bool IsValidServiceUrl(string? serviceUrl) =>
        Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && string.IsNullOrEmpty(uri.Query);

    /// <summary>
    /// The Teams thread a conversation id counts against for rate limits: a channel reply thread
    /// (<c>19:…@thread.tacv2;messageid=…</c>) counts against its channel.
    /// </summary>
    public static string ThreadKey(string conversationId)
    {
        var marker = conversationId.IndexOf(MessageIdMarker, StringComparison.OrdinalIgnoreCase);
        return marker < 0 ? conversationId : conversationId[..marker];
    }

    private static Uri Build(string serviceUrl, string relative)
    {
        if (!IsValidServiceUrl(serviceUrl))
            throw new ArgumentException($"Not a usable serviceUrl: '{serviceUrl}'.", nameof(serviceUrl));
        var root = serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/";
        return new Uri(new Uri(root), relative);
    }

    private static string Esc(string id) => Uri.EscapeDataString(id);
}
