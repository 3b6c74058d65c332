using System.Net.Http.Headers;
using Microsoft.Identity.Client;
using VocEdWeek.Bot.Platform.Credentials;

namespace VocEdWeek.Bot.Protocol.Connector;

/// <summary>
/// Sends one <see cref="ConnectorRequest"/> with pacing and retries: every attempt first passes the
/// <see cref="ConnectorRateLimiter"/>; transient failures (<see cref="ConnectorResponse.IsTransient"/>)
/// wait (on <see cref="TimeProvider"/>) and go again, up to <see cref="ConnectorRetryPolicy.MaxAttempts"/>.
/// HTTP and network failures come back as a <see cref="ConnectorResponse"/>; only cancellation by the caller throws.
/// </summary>
public sealed class ConnectorClient(
    IHttpClientFactory httpClients,
    ConnectorRateLimiter limiter,
    ConnectorRetryPolicy retry,
    ConnectorTokenProvider tokens,
    TimeProvider time,
    BotFrameworkOptions options,
    ILogger<ConnectorClient> logger)
{
    /// <summary>The named HttpClient: it carries <see cref="ConnectorAuthHandler"/> and nothing else uses it.</summary>
    public const string HttpClientName = "VocEdWeek.Bot.Connector";

    public async Task<ConnectorResponse> SendAsync(ConnectorRequest request, CancellationToken ct = default)
    {
        // A deadline cuts the waiting (rate limits, back-off), never an attempt already on the wire.
        using var expiry = request.NotAfter is { } notAfter ? new CancellationTokenSource(Until(notAfter), time) : null;
        using var waiting = expiry is null ? null : CancellationTokenSource.CreateLinkedTokenSource(ct, expiry.Token);
        var waitToken = waiting?.Token ?? ct;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (request.ThreadKey is not null || request.TenantKey is not null)
                    await limiter.AcquireAsync(request.ThreadKey, request.TenantKey, waitToken);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                return Expired(request, attempt);
            }
            // The slot may have come just as the deadline passed: a stale message is not worth sending.
            if (IsStale(request)) return Expired(request, attempt);

            var response = await AttemptAsync(request, attempt, ct);
            if (response.IsSuccess) return response;
            if (!response.IsTransient || attempt >= retry.MaxAttempts)
            {
                ConnectorLog.GaveUp(logger, request.Operation, response.Status, response.Error.Code, response.Failure, attempt);
                return response;
            }
            var delay = retry.DelayAfter(attempt, response.RetryAfter);
            if (request.NotAfter is { } deadline && time.GetUtcNow() + delay > deadline) return Expired(request, attempt);
            ConnectorLog.Retrying(logger, request.Operation, response.Status, response.Failure, attempt, delay.TotalMilliseconds);
            await Task.Delay(delay, time, ct);
        }
    }

    private TimeSpan Until(DateTimeOffset deadline)
    {
        var left = deadline - time.GetUtcNow();
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    private bool IsStale(ConnectorRequest request) => request.NotAfter is { } deadline && time.GetUtcNow() > deadline;

    private ConnectorResponse Expired(ConnectorRequest request, int attempt)
    {
        ConnectorLog.Expired(logger, request.Operation, attempt - 1);
        return new ConnectorResponse(null, "", attempt - 1, null, "Expired", FailureIsTransient: false);
    }

    private async Task<ConnectorResponse> AttemptAsync(ConnectorRequest request, int attempt, CancellationToken ct)
    {
        // Anonymous mode: whoever reached /api/messages chose the serviceUrl, so nothing leaves this machine
        // (no cloud metadata address, no private network); a refusal is final, not retried.
        if (!tokens.IsEnabled && !ActivityRules.IsLoopback(request.Uri))
            return new ConnectorResponse(null, "", attempt, null, "RefusedAnonymousToNonLoopbackHost", FailureIsTransient: false);
        using var message = new HttpRequestMessage(request.Method, request.Uri);
        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(request.Body);
            message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }
        try
        {
            var http = httpClients.CreateClient(HttpClientName);
            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            return new ConnectorResponse((int)response.StatusCode, body, attempt, RetryAfterOf(response));
        }
        catch (HttpRequestException ex) when (!ct.IsCancellationRequested)
        {
            return NeverSent(ex.HttpRequestError) || request.IsIdempotent
                ? new ConnectorResponse(null, "", attempt, null, "NetworkError: " + ex.HttpRequestError)
                : Unconfirmed(attempt, "NetworkError " + ex.HttpRequestError);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return request.IsIdempotent ? new ConnectorResponse(null, "", attempt, null, "Timeout") : Unconfirmed(attempt, "Timeout");
        }
        catch (Exception ex) when (IdentityErrors.IsTokenFailure(ex))
        {
            // The sentence names the key to change (wrong secret, unknown app, wrong managed identity client id …).
            var failure = IdentityErrors.Describe(ex, options.MicrosoftAppId);
            ConnectorLog.TokenFailed(logger, failure.Code, failure.Message);
            if (failure.IsTransient) return new ConnectorResponse(null, "", attempt, null, "TokenUnavailable");
            var code = ex is MsalException msal ? msal.ErrorCode : failure.Code;
            return new ConnectorResponse(null, "", attempt, null, "TokenAcquisitionFailed: " + code, FailureIsTransient: false);
        }
    }

    /// <summary>The connection failed before the request left: another attempt cannot duplicate anything.</summary>
    private static bool NeverSent(HttpRequestError error) =>
        error is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
            or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError;

    /// <summary>
    /// The request went out and no answer came back: Teams may have posted it. It has no idempotency key, so a new
    /// attempt could post the message twice; the send is reported as unconfirmed instead of being repeated.
    /// </summary>
    private static ConnectorResponse Unconfirmed(int attempt, string why) =>
        new(null, "", attempt, null, "Unconfirmed: " + why, FailureIsTransient: false);

    private TimeSpan? RetryAfterOf(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta) return delta;
        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
        return null;
    }
}
