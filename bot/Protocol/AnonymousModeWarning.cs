namespace VocEdWeek.Bot.Protocol;

/// <summary>
/// Says loudly, at start, that anonymous mode is on: anyone who can reach /api/messages can talk as anyone.
/// Fine for the local emulator and tests; never for a server Teams points at.
/// </summary>
public sealed partial class AnonymousModeWarning(BotFrameworkOptions options, ILogger<AnonymousModeWarning> log) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.IsAnonymous)
        {
            LogAnonymous(log);
            Console.Error.WriteLine("WARNING: MicrosoftAppId is empty: anonymous mode, no authentication in or out. Local testing only.");
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "ANONYMOUS MODE: MicrosoftAppId is empty, so incoming requests are not authenticated and outgoing calls carry no token. Local emulator and tests only.")]
    private static partial void LogAnonymous(ILogger logger);
}
