using System.Text.Json;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Protocol.Auth;

namespace VocEdWeek.Bot.Protocol;

/// <summary>
/// <c>POST /api/messages</c>: parse, authenticate, de-duplicate, hand the turn to the app, and
/// answer with 200 (or the invoke response). A body over the limit is 413 (bytes counted, chunked or not), bad
/// input 400, bad auth 401, never a 500.
/// </summary>
public static partial class BotEndpoint
{
    private const long MaxBodyBytes = 4 * 1024 * 1024;

    public static IEndpointRouteBuilder MapBotEndpoint(this IEndpointRouteBuilder app, string pattern = "/api/messages")
    {
        app.MapPost(pattern, HandleAsync);
        return app;
    }

    private static async Task<IResult> HandleAsync(
        HttpContext http,
        IInboundAuthenticator authenticator,
        BotFrameworkOptions options,
        ActivityDeduplicator dedup,
        IMessenger messenger,
        ITurnHandler handler,
        TimeProvider time,
        ILoggerFactory loggers,
        CancellationToken ct)
    {
        var log = loggers.CreateLogger("VocEdWeek.Bot.Protocol.BotEndpoint");
        // Anonymous mode trusts whoever calls: only this machine may (start-up also binds it to loopback).
        if (options.IsAnonymous && http.Connection.RemoteIpAddress is { } peer && !System.Net.IPAddress.IsLoopback(peer))
            return Results.StatusCode(StatusCodes.Status403Forbidden);

        var (read, body) = await WireBody.ReadAsync(http, MaxBodyBytes, ct);
        if (read == WireBody.Outcome.TooLarge) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        if (read == WireBody.Outcome.Broken || !WireText.IsReadable(body)) return Results.BadRequest();

        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(body, WireJson.Options);
        }
        catch (JsonException)
        {
            // Wrong shapes (an object where a list belongs, a list for a name): nothing to process, nothing worth an error log.
            return Results.BadRequest();
        }
        if (activity is null || !ActivityRules.IsAcceptable(activity, options.IsAnonymous)) return Results.BadRequest();

        if (!await authenticator.AuthenticateAsync(http.Request.Headers.Authorization.ToString() is { Length: > 0 } h ? h : null, activity, ct))
        {
            return Results.Unauthorized();
        }

        var authenticated = !options.IsAnonymous;
        var outcome = await dedup.RunOnceAsync(ActivityDeduplicator.KeyOf(activity), () => RunTurnAsync(activity, authenticated, messenger, handler, time, log));
        return outcome.ToHttpResult();
    }

    private static async Task<TurnOutcome> RunTurnAsync(Activity activity, bool authenticated, IMessenger messenger, ITurnHandler handler, TimeProvider time, ILogger log)
    {
        var turn = ActivityMapper.ToTurn(activity, messenger, time.GetUtcNow(), authenticated);
        var isInvoke = activity.Type == ActivityTypes.Invoke;
        // The turn gets its own time budget: Teams gives up after ~15 s and the request token would cut work short.
        using var budget = new CancellationTokenSource(TimeSpan.FromSeconds(14));
        try
        {
            await handler.OnTurnAsync(turn, budget.Token);
        }
        catch (Exception ex)
        {
            LogTurnFailed(log, ex, activity.Type, activity.Id);
            if (isInvoke)
            {
                return new TurnOutcome(true, turn.IsEnglish
                    ? InvokeResult.Error(500, "InternalError", "Something went wrong. Your input was kept; please try again.")
                    : InvokeResult.Error(500, "InternalError", "处理时出错，您填写的内容已保留，请重试。"));
            }
            await TryApologiseAsync(turn);
            return new TurnOutcome(false, null);
        }
        return new TurnOutcome(isInvoke, isInvoke ? turn.InvokeResult ?? InvokeResult.NotImplemented() : null);
    }

    private static async Task TryApologiseAsync(TurnContext turn)
    {
        if (turn.Kind is not (TurnKind.Message or TurnKind.CardSubmit)) return;
        try
        {
            await turn.ReplyAsync(turn.IsEnglish
                ? "Sorry, something went wrong. Anything you submitted was kept; please try again in a moment."
                : "抱歉，处理时出错。您已提交的内容不会丢失，请稍后重试。");
        }
        catch (Exception)
        {
            // Nothing more to do: the error is already logged.
        }
    }

    private sealed record TurnOutcome(bool IsInvoke, InvokeResult? Invoke)
    {
        public IResult ToHttpResult()
        {
            if (!IsInvoke || Invoke is null) return Results.Ok();
            return Invoke.Body is null
                ? Results.StatusCode(Invoke.Status)
                : Results.Content(Invoke.Body.ToJsonString(WireJson.Options), "application/json", System.Text.Encoding.UTF8, Invoke.Status);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Turn failed for {Type} activity {Id}")]
    private static partial void LogTurnFailed(ILogger logger, Exception ex, string? type, string? id);
}
