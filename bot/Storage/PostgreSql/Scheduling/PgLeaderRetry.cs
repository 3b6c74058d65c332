using VocEdWeek.Bot.Scheduling;

namespace VocEdWeek.Bot.Storage.PostgreSql.Scheduling;

/// <summary>
/// Every <c>Scheduling:LeaderRetry</c> a follower tries to take the lead and the leader checks its connection, so a dead
/// leader is replaced within that time (and the new leader's scheduler runs its first round within a tick). An instance
/// with <c>Scheduling:Enabled: false</c> never takes the lead: it would hold it without scheduling.
/// </summary>
public sealed class PgLeaderRetry(ISchedulerLeadership leadership, SchedulingOptions options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            leadership.TryLead();
            try
            {
                await Task.Delay(options.LeaderRetry, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
