using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Localization;

namespace VocEdWeek.Bot.Features.DigestChannel;

/// <summary>
/// On start, posts a short "online" notice to the digest channel. It proves that proactive sending
/// works after a restart from what LiteDB kept, and tells the office if the bot was down.
/// </summary>
public sealed partial class StartupAnnouncer(
    DigestChannelLocator locator, IMessenger messenger, TimeProvider time, IConfiguration configuration,
    IHostApplicationLifetime lifetime, ILogger<StartupAnnouncer> log) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("Office:AnnounceStartup", true)) return Task.CompletedTask;
        lifetime.ApplicationStarted.Register(() => _ = AnnounceAsync());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task AnnounceAsync()
    {
        try
        {
            var channel = locator.Find();
            if (channel is null) return;
            var locale = configuration["Office:Locale"];
            var beijing = TimeZoneInfo.ConvertTime(time.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
            var text = Strings.For(locale).Format("startup_notice", beijing.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture));
            var result = await messenger.SendAsync(channel, OutgoingMessage.FromText(text), null, lifetime.ApplicationStopping);
            LogAnnounced(log, channel.ConversationId, result.Status);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(log, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Startup notice to {Channel}: {Status}")]
    private static partial void LogAnnounced(ILogger logger, string channel, DeliveryStatus status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Startup notice failed")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}
