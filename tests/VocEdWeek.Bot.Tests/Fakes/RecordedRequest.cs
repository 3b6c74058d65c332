namespace VocEdWeek.Bot.Tests.Fakes;

/// <summary>
/// One request as <see cref="FakeConnector"/> saw it. <see cref="Target"/> is the raw request target
/// (path and query exactly as sent, escapes kept); <see cref="ReceivedAt"/> comes from the fake's clock.
/// </summary>
public sealed record RecordedRequest(
    string Method,
    string Target,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    DateTimeOffset ReceivedAt,
    int Status)
{
    public string? Authorization => Headers.TryGetValue("Authorization", out var value) ? value : null;
}
