using System.Text;
using System.Text.Json.Nodes;

namespace VocEdWeek.Bot.Bench;

/// <summary>
/// Teams-shaped personal-chat "help" messages (the shape of a recorded Teams message: clientInfo entity,
/// tenant in channelData, locale), spread over a pool of users, each with a caller-given activity id:
/// the bot de-duplicates ids, so a repeated id would skip the turn. "help" makes the bot reply with the
/// help card through the connector at <c>serviceUrl</c>.
/// </summary>
public sealed class TeamsMessages : IActivityBodies
{
    internal const string IdMarker = "@@activity-id@@";
    private readonly (byte[] Head, byte[] Tail)[] _templates;

    /// <param name="firstUser">The first user's number: a range of its own gives conversations the bot has never seen.</param>
    public TeamsMessages(string serviceUrl, string botAppId, string tenantId, int users = 200, int firstUser = 0)
    {
        _templates = Enumerable.Range(firstUser, users).Select(u => Split(Template(serviceUrl, botAppId, tenantId, u).ToJsonString())).ToArray();
    }

    public int Users => _templates.Length;

    /// <summary>The body of one request; <paramref name="id"/> must be unique for the bot's lifetime.</summary>
    public byte[] Body(string id, long sequence)
    {
        var (head, tail) = _templates[sequence % _templates.Length];
        var body = new byte[head.Length + Encoding.UTF8.GetByteCount(id) + tail.Length];
        head.CopyTo(body, 0);
        var written = Encoding.UTF8.GetBytes(id, body.AsSpan(head.Length));
        tail.CopyTo(body, head.Length + written);
        return body;
    }

    /// <summary>The message of user <paramref name="user"/> with <c>@@activity-id@@</c> where its id goes.</summary>
    internal static JsonObject Template(string serviceUrl, string botAppId, string tenantId, int user) => new()
    {
        ["type"] = "message",
        ["id"] = IdMarker,
        ["timestamp"] = "2024-05-14T01:30:00.000Z",
        ["localTimestamp"] = "2024-05-14T09:30:00.000+08:00",
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject
        {
            ["id"] = $"29:bench-user-{user:D4}",
            ["name"] = $"Bench User {user}",
            ["aadObjectId"] = $"00000000-0000-4000-8000-{user:D12}",
        },
        ["conversation"] = new JsonObject
        {
            ["conversationType"] = "personal",
            ["tenantId"] = tenantId,
            ["id"] = $"a:bench-conversation-{user:D4}",
        },
        ["recipient"] = new JsonObject { ["id"] = $"28:{botAppId}", ["name"] = "VocEdWeek" },
        ["textFormat"] = "plain",
        ["text"] = "help",
        ["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "clientInfo",
            ["locale"] = "en-US",
            ["country"] = "US",
            ["platform"] = "Web",
            ["timezone"] = "Asia/Shanghai",
        }),
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenantId } },
        ["locale"] = "en-US",
    };

    private static (byte[] Head, byte[] Tail) Split(string json)
    {
        var at = json.IndexOf(IdMarker, StringComparison.Ordinal);
        return (Encoding.UTF8.GetBytes(json[..at]), Encoding.UTF8.GetBytes(json[(at + IdMarker.Length)..]));
    }
}
