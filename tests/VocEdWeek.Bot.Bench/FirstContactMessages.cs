using System.Globalization;
using System.Text;

namespace VocEdWeek.Bot.Bench;

/// <summary>
/// <see cref="TeamsMessages"/>' "help" message, but every request from a personal chat and user the bot has never seen:
/// request n comes from user <c>offset + n</c> (numbers of nine digits, so they never meet the known pool's four).
/// The profile's first-contact stream (<c>profile --stream first</c>); one template, the user's number put in per request.
/// </summary>
public sealed class FirstContactMessages : IActivityBodies
{
    // A number of nine digits that appears nowhere else in the message: every place the user's number goes (Teams id,
    // name, Entra object id, conversation id) carries it, and each request puts its own number there instead.
    private const string UserMarker = "987654321";
    private readonly byte[] _head;
    private readonly string _tail;
    private readonly long _offset;

    public FirstContactMessages(string serviceUrl, string botAppId, string tenantId, long offset = 0)
    {
        var json = TeamsMessages.Template(serviceUrl, botAppId, tenantId, int.Parse(UserMarker, CultureInfo.InvariantCulture)).ToJsonString();
        var at = json.IndexOf(TeamsMessages.IdMarker, StringComparison.Ordinal);
        _head = Encoding.UTF8.GetBytes(json[..at]);
        _tail = json[(at + TeamsMessages.IdMarker.Length)..];
        _offset = offset;
    }

    public byte[] Body(string id, long sequence)
    {
        var tail = Encoding.UTF8.GetBytes(_tail.Replace(UserMarker, (_offset + sequence).ToString("D9", CultureInfo.InvariantCulture), StringComparison.Ordinal));
        var body = new byte[_head.Length + Encoding.UTF8.GetByteCount(id) + tail.Length];
        _head.CopyTo(body, 0);
        var written = Encoding.UTF8.GetBytes(id, body.AsSpan(_head.Length));
        tail.CopyTo(body, _head.Length + written);
        return body;
    }
}
