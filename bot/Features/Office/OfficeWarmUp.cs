using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Progress;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.Office;

/// <summary>
/// Once the bot is up, answers "who is missing" once for nobody: the week's submission times are read into the store's
/// memory and the missing card is expanded in both languages (its template prepared, its size model measured, the code
/// compiled). A bot restarted minutes before 12:00 otherwise pays all of that on the office's first question — in the
/// 12:00 rush benchmark that was the slowest staff answer and the slowest submit beside it.
/// </summary>
public sealed partial class OfficeWarmUp(
    WeekCatalog weeks, ProgressService progress, MissingCard missing, IHostApplicationLifetime lifetime, ILogger<OfficeWarmUp> log)
    : IHostedService
{
    private static readonly string[] Languages = ["zh-CN", "en-US"];

    // Kept to be awaited on stop: a read still running when the host disposes the database would open its file again.
    private Task _running = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _running = Task.Run(Run, CancellationToken.None));
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _running.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The host's shutdown time is up; Run catches its own failures, so nothing else can come from it.
        }
    }

    /// <summary>What the warm-up does; public for the tests.</summary>
    public void Run()
    {
        try
        {
            if (weeks.Active is not { } week) return;
            var snapshot = progress.ForWeek(week);
            var item = OfficeAnswers.DefaultItem(week.Calendar, week.Calendar.LocalDate(snapshot.Now));
            foreach (var language in Languages) missing.Compose(snapshot, item, Strings.For(language), mention: false);
            LogWarm(log, week.Definition.Id);
        }
        catch (Exception ex)
        {
            // Only a head start: the first question does the same work again and reports its own failure.
            LogFailed(log, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Office answers prepared for week {WeekId}.")]
    private static partial void LogWarm(ILogger logger, string weekId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Preparing the office answers at start-up failed; the first question prepares them.")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}
