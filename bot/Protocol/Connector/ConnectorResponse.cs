namespace VocEdWeek.Bot.Protocol.Connector;

/// <summary>
/// What the last attempt of a connector call produced. <see cref="Status"/> is null when no HTTP
/// answer came back (network failure, timeout, no token); <see cref="Failure"/> then says why, and
/// <see cref="FailureIsTransient"/> whether another attempt may help.
/// </summary>
public sealed record ConnectorResponse(
    int? Status,
    string Body,
    int Attempts,
    TimeSpan? RetryAfter = null,
    string? Failure = null,
    bool FailureIsTransient = true)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    public bool IsTransient => Status is { } status ? ConnectorRetryPolicy.IsTransient(status) : FailureIsTransient;

    public ConnectorError Error => ConnectorError.Parse(Body);
}
