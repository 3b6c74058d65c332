namespace VocEdWeek.Bot.Protocol.Inbound;

/// <summary>One warning when a burst starts, one line when it is over: never a line per refused message.</summary>
internal static partial class InboundLog
{
    [LoggerMessage(EventId = 4201, Level = LogLevel.Warning,
        Message = "Inbound limit reached by {Scope} {Key}: its messages are answered without running a turn until it slows down")]
    public static partial void BurstStarted(ILogger logger, string scope, string key);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Information,
        Message = "Inbound burst of {Scope} {Key} is over: {Refused} message(s) refused in {Seconds:F0} s")]
    public static partial void BurstEnded(ILogger logger, string scope, string key, int refused, double seconds);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Information,
        Message = "The slow-down notice was not delivered ({Status} {Code})")]
    public static partial void NoticeNotSent(ILogger logger, string status, string? code);
}
