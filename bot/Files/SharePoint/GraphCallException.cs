using System.Net.Http.Headers;
using System.Text.Json;

namespace VocEdWeek.Bot.Files.SharePoint;

/// <summary>A Graph answer other than success: the status, Graph's error code and message, and Retry-After if given.</summary>
public sealed class GraphCallException(int status, string? code, string message, TimeSpan? retryAfter)
    : Exception($"HTTP {status}{(code is null ? "" : " " + code)}: {message}")
{
    public int Status { get; } = status;
    public string? Code { get; } = code;
    public string GraphMessage { get; } = message;
    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>Throttling, outages and timeouts pass; everything else is an answer that will not change by asking again.</summary>
    public bool IsTransient => Status is 408 or 429 or 500 or 502 or 503 or 504 or 509;

    public static async Task<GraphCallException> FromResponseAsync(HttpResponseMessage response, CancellationToken ct)
    {
        string? code = null;
        var message = response.ReasonPhrase ?? "";
        try
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            if (body.Length > 0 && body.TrimStart().StartsWith('{'))
            {
                using var doc = JsonDocument.Parse(body);
                if (doc.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
                {
                    code = error.TryGetProperty("code", out var c) ? c.GetString() : null;
                    message = error.TryGetProperty("message", out var m) ? m.GetString() ?? message : message;
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or HttpRequestException or IOException)
        {
            // The status says enough.
        }
        return new GraphCallException((int)response.StatusCode, code, message, RetryAfterOf(response.Headers.RetryAfter, response.Headers.Date));
    }

    /// <summary>
    /// Seconds as given; an HTTP date is measured against the same response's Date header (the server's own clock,
    /// so our clock's skew does not matter). A date without a Date header leaves the wait to our own backoff.
    /// </summary>
    public static TimeSpan? RetryAfterOf(RetryConditionHeaderValue? header, DateTimeOffset? sent) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } when sent is { } at => date - at is var d && d > TimeSpan.Zero ? d : TimeSpan.Zero,
        _ => null,
    };

    public static TimeSpan? RetryAfterOf(IEnumerable<string>? values, IEnumerable<string>? dateValues)
    {
        var value = values?.FirstOrDefault();
        if (value is null) return null;
        if (int.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
            return TimeSpan.FromSeconds(Math.Max(0, seconds));
        DateTimeOffset? sent = DateTimeOffset.TryParse(dateValues?.FirstOrDefault(), System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal, out var at) ? at : null;
        return RetryConditionHeaderValue.TryParse(value, out var parsed) ? RetryAfterOf(parsed, sent) : null;
    }
}
