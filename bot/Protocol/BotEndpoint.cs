using System.Text.Json;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Platform;
using VocEdWeek.Bot.Protocol.Auth;
using VocEdWeek.Bot.Protocol.Inbound;

namespace VocEdWeek.Bot.Protocol;

/// <summary>
/// <c>POST /api/messages</c>: parse, authenticate, de-duplicate, hand the turn to the app, and
/// answer with 200 (or the invoke response). A body over the limit is 413 (bytes counted, chunked or not), bad
/// input 400, bad auth 401, never a 500.
/// A sender past its inbound allowance gets its answer at once, without a turn (<see cref="InboundLimiter"/>);
/// every other answer comes within <see cref="AnswerBy"/>, under Teams' 15 s, whatever the turn is still doing.
/// </summary>
public static partial class BotEndpoint
{
    private const long MaxBodyBytes = 4 * 1024 * 1024;

    /// <summary>The turn's budget: its token is cancelled and its replies are dropped, not sent late, after this.</summary>
    private static readonly TimeSpan TurnBudget = TimeSpan.FromSeconds(14);

    /// <summary>A turn that ignores its token does not hold the answer past this (Teams gives up at 15 s).</summary>
    private static readonly TimeSpan AnswerBy = TimeSpan.FromSeconds(14.5);

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
        InboundLimiter limiter,
        SlowDownNotices notices,
        IMessenger messenger,
        ITurnHandler handler,
        TimeProvider time,
        WallClock wall,
        EndpointLogger logger,
        CancellationToken ct)
    {
        // Taken first: reading, checking and queueing behind other turns must not make a click late.
        var arrived = time.GetUtcNow();
        var log = logger.Log;
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
        // Inside the de-duplication: a copy Teams re-delivers gets the first delivery's answer and is not counted again.
        var outcome = await dedup.RunOnceAsync(ActivityDeduplicator.KeyOf(activity), () => limiter.Check(activity) is { Admitted: false } refused
            ? Task.FromResult(Refuse(activity, refused, notices))
            : RunTurnAsync(activity, authenticated, messenger, handler, time, ChannelTime.Arrival(activity.Timestamp, arrived, wall.Time.GetUtcNow()), log),
            // Another instance runs (or ran) this copy and answers it: a plain 200 here, a reply of nothing, for a
            // message and an invoke alike (the first delivery's invoke answer is over there).
            () => new TurnOutcome(false, null));
        return outcome.ToHttpResult();
    }

    private static TurnOutcome Refuse(Activity activity, InboundVerdict verdict, SlowDownNotices notices)
    {
        if (verdict.Notify && activity.Type == ActivityTypes.Message) notices.Send(activity);
        if (activity.Type != ActivityTypes.Invoke) return new TurnOutcome(false, null);
        // A card button has a documented way to show a line of text (the invoke "message" answer), at no send cost.
        // Other invokes have none, and a 200 would claim they were handled: 429 says "not now" truthfully.
        if (activity.Name != InvokeNames.AdaptiveCardAction) return new TurnOutcome(true, new InvokeResult(StatusCodes.Status429TooManyRequests, null));
        return new TurnOutcome(true, InvokeResult.Message(ActivityLocale.Resolve(activity) == ActivityLocale.English
            ? "Too many clicks at once. Please slow down and try again in a minute."
            : "操作太频繁，请稍后再试。"));
    }

    private static async Task<TurnOutcome> RunTurnAsync(
        Activity activity, bool authenticated, IMessenger messenger, ITurnHandler handler, TimeProvider time, DateTimeOffset happened, ILogger log)
    {
        var received = time.GetUtcNow();
        var turn = ActivityMapper.ToTurn(activity, messenger, happened, authenticated, received + TurnBudget);
        var isInvoke = activity.Type == ActivityTypes.Invoke;
        // The turn gets its own time budget, on the app's clock: Teams gives up after ~15 s and the request token
        // would cut work short.
        using var budget = new CancellationTokenSource(TurnBudget, time);
        var work = RunHandlerAsync(turn, isInvoke, handler, budget, activity, log);
        try
        {
            return await work.WaitAsync(AnswerBy, time);
        }
        catch (TimeoutException)
        {
            // The handler ignores its token; answer now, its replies are dropped at their deadline anyway.
            LogTurnStillRunning(log, activity.Type, activity.Id);
            return isInvoke ? new TurnOutcome(true, TimedOut(turn)) : new TurnOutcome(false, null);
        }
    }

    private static async Task<TurnOutcome> RunHandlerAsync(TurnContext turn, bool isInvoke, ITurnHandler handler, CancellationTokenSource budget, Activity activity, ILogger log)
    {
        try
        {
            await handler.OnTurnAsync(turn, budget.Token);
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested)
        {
            // Its own budget ran out (replies stuck behind Teams' limits, a slow store): expected under load, no stack
            // trace, and no apology — it could not be sent in time either.
            LogTurnOverBudget(log, activity.Type, activity.Id, TurnBudget.TotalSeconds);
            return isInvoke ? new TurnOutcome(true, TimedOut(turn)) : new TurnOutcome(false, null);
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
            await TryApologiseAsync(turn, budget.Token);
            return new TurnOutcome(false, null);
        }
        return new TurnOutcome(isInvoke, isInvoke ? turn.InvokeResult ?? InvokeResult.NotImplemented() : null);
    }

    private static InvokeResult TimedOut(TurnContext turn) => turn.IsEnglish
        ? InvokeResult.Error(503, "Timeout", "This took too long. Your input was kept; please try again in a moment.")
        : InvokeResult.Error(503, "Timeout", "处理超时，您填写的内容已保留，请稍后重试。");

    /// <summary>The apology is a reply like any other: it carries the turn's deadline and is dropped when stale.</summary>
    private static async Task TryApologiseAsync(TurnContext turn, CancellationToken ct)
    {
        if (turn.Kind is not (TurnKind.Message or TurnKind.CardSubmit)) return;
        try
        {
            await turn.ReplyAsync(turn.IsEnglish
                ? "Sorry, something went wrong. Anything you submitted was kept; please try again in a moment."
                : "抱歉，处理时出错。您已提交的内容不会丢失，请稍后重试。", ct);
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
            return Invoke.Body is null ? Results.StatusCode(Invoke.Status) : new InvokeResponse(Invoke.Status, Invoke.Body);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Turn failed for {Type} activity {Id}")]
    private static partial void LogTurnFailed(ILogger logger, Exception ex, string? type, string? id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Turn for {Type} activity {Id} ran out of its {Seconds} s budget; answered without it")]
    private static partial void LogTurnOverBudget(ILogger logger, string? type, string? id, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Turn for {Type} activity {Id} was still running at the answer deadline; answered without it")]
    private static partial void LogTurnStillRunning(ILogger logger, string? type, string? id);
}
