using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Outbox;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Storage.PostgreSql;

/// <summary>
/// Issue 13: an instance dies holding a download and in the middle of a send. Another instance's lease sweep takes the
/// download over once its hold has run out and closes the send as interrupted (never sent again); the same instance
/// restarted under its name takes its download and its claimed messages back at once and closes its own send, leaving a
/// live instance's alone.
/// </summary>
public sealed class LeaseSweepTests
{
    [Fact]
    public async Task After_the_lease_a_live_instances_sweep_takes_the_dead_ones_download_and_closes_its_send_as_interrupted()
    {
        await using var live = await LeaseInstance.StartAsync("b", await PostgresCluster.CreateDatabaseAsync());
        live.SaveChat();
        var photo = live.HeldDownload("a", "现场.jpg", live.Host.Downloads!.Serve("/a/scene.jpg", MediaBytes.Jpeg()));
        live.ClaimedJob("a", "cut-off", OutboxState.Sending);
        live.ClaimedJob("a", "reserved", OutboxState.Pending);

        // Within the leases: the sweep leaves the dead instance's work alone.
        await live.SweepAfterAsync(LeaseInstance.Sweep);
        Assert.Equal(0, live.Host.Downloads.RequestCount);
        Assert.Equal(OutboxState.Sending, live.Get<IOutboxStore>().Find("cut-off")!.State);

        // Past the download's hold (the longer of the two): the next sweep deals with both.
        await live.SweepAfterAsync(live.Get<FileIntakeOptions>().OverallTimeout(null));
        var stored = await live.Stored.Stored("现场.jpg").WaitAsync(HangGuard.Limit);
        Assert.Equal((photo.Id, MediaState.Stored), (stored.Id, stored.State));
        var cut = live.Get<IOutboxStore>().Find("cut-off")!;
        Assert.Equal((OutboxState.Failed, OutboxOutcome.Interrupted, 1), (cut.State, cut.Outcome, cut.Attempts));

        // The round it had claimed but not started was never sent: the live instance sends it; the cut-off send, never.
        await live.Get<OutboxWorker>().RunDueAsync(live.Clock.GetUtcNow());
        await live.Host.Connector!.WaitForAsync(r => r.Method == "POST" && r.Body.Contains("reserved", StringComparison.Ordinal)).WaitAsync(HangGuard.Limit);
        Assert.Equal(OutboxState.Sent, live.Get<IOutboxStore>().Find("reserved")!.State);
        Assert.Equal(0, live.Posted("cut-off"));
        Assert.Equal(OutboxState.Failed, live.Get<IOutboxStore>().Find("cut-off")!.State);
    }

    [Fact]
    public async Task A_restarted_instance_retakes_its_download_and_claimed_round_at_once_and_closes_only_its_own_send()
    {
        var database = await PostgresCluster.CreateDatabaseAsync();
        await using var other = await LeaseInstance.StartAsync("b", database);
        other.SaveChat();
        var photo = other.HeldDownload("a", "现场.jpg", other.Host.Downloads!.Serve("/a/scene.jpg", MediaBytes.Jpeg()));
        other.ClaimedJob("a", "own-cut-off", OutboxState.Sending);
        other.ClaimedJob("b", "other-sending", OutboxState.Sending);
        other.ClaimedJob("a", "own-round", OutboxState.Pending);
        // The hold is live: the other instance does not fetch it.
        await other.Get<FileIntakeWorker>().ProcessBatchAsync(photo.BatchId, CancellationToken.None);
        Assert.Equal(0, other.Host.Downloads.RequestCount);

        await using var restarted = await LeaseInstance.StartAsync("a", database);

        var stored = await restarted.Stored.Stored("现场.jpg").WaitAsync(HangGuard.Limit);
        Assert.Equal((photo.Id, MediaState.Stored), (stored.Id, stored.State));
        Assert.Equal(1, other.Host.Downloads.RequestCount);
        var own = restarted.Get<IOutboxStore>().Find("own-cut-off")!;
        Assert.Equal((OutboxState.Failed, OutboxOutcome.Interrupted), (own.State, own.Outcome));
        var others = restarted.Get<IOutboxStore>().Find("other-sending")!;
        Assert.Equal((OutboxState.Sending, OutboxOutcome.Queued, "b"), (others.State, others.Outcome, others.ClaimedBy));
        Assert.Equal(0, other.Stored.Count);
        // The round it had claimed goes out from it at once (its outbox claims carry the same name), the sends under way never.
        await other.Host.Connector!.WaitForAsync(r => r.Method == "POST" && r.Body.Contains("own-round", StringComparison.Ordinal)).WaitAsync(HangGuard.Limit);
        Assert.Equal((0, 0), (other.Posted("own-cut-off"), other.Posted("other-sending")));
    }
}
