using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Protocol.Inbound;

namespace VocEdWeek.Bot.Protocol;

/// <summary>
/// The HTTP answer to one activity, as the de-duplication window keeps it for 15 minutes for Teams' copies. An invoke's
/// body is kept as its UTF-8 text, written once: a card as a node tree is several times the size of its text, and every
/// report submit's receipt card stays in the window — there in an <see cref="AnswerArena"/>'s chunk (<see cref="KeptIn"/>).
/// </summary>
internal sealed class TurnOutcome
{
    /// <summary>A plain 200 (every message, every invoke another instance answers), one shared instance.</summary>
    public static readonly TurnOutcome Plain = new(false, null);

    private readonly bool _isInvoke;
    private readonly int _status;
    private readonly ReadOnlyMemory<byte>? _body;

    public TurnOutcome(bool isInvoke, InvokeResult? invoke)
    {
        _isInvoke = isInvoke && invoke is not null;
        _status = invoke?.Status ?? StatusCodes.Status200OK;
        _body = invoke?.Body is { } body ? InvokeBody.Utf8(body) : null;
    }

    private TurnOutcome(bool isInvoke, int status, ReadOnlyMemory<byte>? body) => (_isInvoke, _status, _body) = (isInvoke, status, body);

    /// <summary>The same answer with its body copied into <paramref name="arena"/>, for the window; itself when it has none.</summary>
    internal TurnOutcome KeptIn(AnswerArena arena) => _body is { } body ? new TurnOutcome(_isInvoke, _status, arena.Keep(body.Span)) : this;

    public IResult ToHttpResult()
    {
        if (!_isInvoke) return Results.Ok();
        return _body is { } body ? new JsonBody(_status, body) : Results.StatusCode(_status);
    }

    /// <summary>Written as kept; the same bytes and headers <c>Results.Content(text, "application/json", UTF8, status)</c> wrote.</summary>
    private sealed class JsonBody(int status, ReadOnlyMemory<byte> body) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = status;
            response.ContentType = "application/json; charset=utf-8";
            response.ContentLength = body.Length;
            return response.Body.WriteAsync(body).AsTask();
        }
    }
}
