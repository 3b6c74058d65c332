namespace VocEdWeek.Bot.Protocol.Connector;

/// <summary>Connector log messages. Never log tokens or message bodies here.</summary>
internal static partial class ConnectorLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Information,
        Message = "Connector {Operation} got {Status} ({Failure}) on attempt {Attempt}; retrying in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, string operation, int? status, string? failure, int attempt, double delayMs);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning,
        Message = "Connector {Operation} failed with {Status} {ErrorCode} ({Failure}) after {Attempts} attempt(s)")]
    public static partial void GaveUp(ILogger logger, string operation, int? status, string? errorCode, string? failure, int attempts);

    /// <summary>One sentence naming the configuration key (from IdentityErrors); no exception, so no stack trace in the log.</summary>
    [LoggerMessage(EventId = 4103, Level = LogLevel.Error,
        Message = "Connector token request failed ({ErrorCode}): {Reason}")]
    public static partial void TokenFailed(ILogger logger, string errorCode, string reason);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning,
        Message = "Not sending the bot token over plain http to {Host}; the request goes out without it")]
    public static partial void TokenWithheld(ILogger logger, string host);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Warning,
        Message = "Connector {Operation} skipped: invalid serviceUrl")]
    public static partial void InvalidServiceUrl(ILogger logger, string operation);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Information,
        Message = "Connector {Operation} dropped after {Attempts} attempt(s): its deadline passed before it could be sent")]
    public static partial void Expired(ILogger logger, string operation, int attempts);
}
