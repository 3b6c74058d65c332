using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Outbox;

namespace VocEdWeek.Bot.Features.DigestChannel;

/// <summary>
/// On start, posts a short "online" notice to the digest channel (through the outbox). It proves that
/// proactive sending works after a restart from what the database kept, and tells the office if the bot was down.
/// </summary>
public sealed partial class StartupAnnouncer(
    DigestChannelLocator locator, OutboxQueue outbox, TimeProvider time, IConfiguration configuration,
    IHostApplicationLifetime lifetime, ILogger<StartupAnnouncer> log) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("Office:AnnounceStartup", true)) return Task.CompletedTask;
        lifetime.ApplicationStarted.Register(Announce);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Announce()
    {
        try
        {
            var channel = locator.Find();
            if (channel is null) return;
            var locale = configuration["Office:Locale"];
            var beijing = TimeZoneInfo.ConvertTime(time.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
            var text = Strings.For(locale).Format("startup_notice", beijing.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture));
            var now = time.GetUtcNow();
            var key = $"notice|startup|{now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss.fff", System.Globalization.CultureInfo.InvariantCulture)}|{channel.ConversationId}";
            outbox.Enqueue(outbox.NewJob(key, "notice", OutboxRecipient.Conversation(channel.ConversationId, "digest channel"), OutgoingMessage.FromText(text)));
            LogAnnounced(log, channel.ConversationId);
        }
        catch (Exception ex)
        {
            LogFailed(log, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Startup notice to {Channel} queued")]
    private static partial void LogAnnounced(ILogger logger, string channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Startup notice failed")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}
