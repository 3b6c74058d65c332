namespace VocEdWeek.Bot.Protocol;

/// <summary>
/// The endpoint's logger, made once. <see cref="ILoggerFactory.CreateLogger"/> takes the factory's lock; called for every
/// request, that lock was the most contended one in the profile (turns queued on it under load).
/// </summary>
public sealed class EndpointLogger(ILoggerFactory loggers)
{
    public ILogger Log { get; } = loggers.CreateLogger("VocEdWeek.Bot.Protocol.BotEndpoint");
}
