using System.Globalization;
using System.Text.Json.Nodes;

namespace VocEdWeek.Bot.Tests.Fakes;

/// <summary>
/// A scripted answer of <see cref="FakeConnector"/>; <see cref="Abort"/> drops the connection instead, and
/// <see cref="HeldUntil"/> keeps the call in flight (the request recorded, no answer yet) until that task completes.
/// </summary>
public sealed record FakeResponse(int Status, string? Body = null, IReadOnlyDictionary<string, string>? Headers = null, bool Abort = false)
{
    public Task? HeldUntil { get; init; }

    public static FakeResponse Json(int status, string body) => new(status, body);

    public static FakeResponse Empty(int status) => new(status);

    public static FakeResponse Error(int status, string code, string message = "scripted") =>
        new(status, new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } }.ToJsonString());

    public static FakeResponse Throttled(TimeSpan? retryAfter = null) =>
        new(429, """{"error":{"code":"Throttled","message":"Too many requests"}}""",
            retryAfter is { } wait ? new Dictionary<string, string> { ["Retry-After"] = ((int)wait.TotalSeconds).ToString(CultureInfo.InvariantCulture) } : null);

    public static FakeResponse ThrottledUntil(DateTimeOffset until) =>
        new(429, """{"error":{"code":"Throttled","message":"Too many requests"}}""",
            new Dictionary<string, string> { ["Retry-After"] = until.ToString("R", CultureInfo.InvariantCulture) });

    public static FakeResponse Dropped() => new(0, Abort: true);
}
