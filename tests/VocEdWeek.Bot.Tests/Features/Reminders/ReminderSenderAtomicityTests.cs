using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Features.Reminders;
using VocEdWeek.Bot.Outbox;
using VocEdWeek.Bot.Progress;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Tests.Fakes;
using static VocEdWeek.Bot.Tests.Fakes.DeliveryWorld;

namespace VocEdWeek.Bot.Tests.Features.Reminders;

/// <summary>
/// A reminder slot's outbox jobs and log entries are written in one transaction on either database: a failure half-way
/// leaves neither, so the slot run again sends each reminder once and logs it once.
/// </summary>
public sealed class ReminderSenderAtomicityTests
{
    private const string Slot = "2024-wuxi|remind|2024-05-14T09:00";

    /// <summary>The real log store, failing on the given write as a disk or connection might.</summary>
    private sealed class FailingLog(IReminderLogStore inner, int failOnWrite) : IReminderLogStore
    {
        private int _writes;

        public void Add(ReminderLogEntry entry)
        {
            if (++_writes == failOnWrite) throw new IOException("The write failed half-way through the slot.");
            inner.Add(entry);
        }

        public IReadOnlyList<ReminderLogEntry> SentOn(string weekId, string personKey, string localDay) => inner.SentOn(weekId, personKey, localDay);

        public IReadOnlyList<ReminderLogEntry> SentSince(string weekId, string personKey, DateTimeOffset since) => inner.SentSince(weekId, personKey, since);

        public IReadOnlyList<ReminderLogEntry> Recent(string weekId, int count) => inner.Recent(weekId, count);

        public IReadOnlyList<ReminderLogEntry> All(string weekId) => inner.All(weekId);
    }

    private static DeliveryWorld World(string provider) => new(Beijing(5, 14, 9, 0), provider == StorageOptions.PostgreSql
        ? new() { ["Storage:Provider"] = provider, ["ConnectionStrings:VocEdWeek"] = PostgresCluster.CreateDatabaseAsync().GetAwaiter().GetResult() }
        : new() { ["Storage:Provider"] = provider });

    private static ReminderSender Sender(DeliveryWorld world, IReminderLogStore log) => new(
        world.Get<IAtomicWrites>(), world.Get<OutboxQueue>(), world.Get<OutboxSignal>(), log, world.Get<ReminderCard>(),
        world.Get<IConversationStore>(), world.Get<ReminderOptions>());

    [Theory]
    [InlineData(StorageOptions.LiteDb)]
    [InlineData(StorageOptions.PostgreSql)]
    public async Task A_failure_half_way_through_a_slot_leaves_no_job_and_no_log_entry_and_the_slot_can_run_again(string provider)
    {
        using var world = World(provider);
        var week = world.Week;
        var targets = ReminderTarget.Missing(world.Get<ProgressService>().ForWeek(week), [Report(5, 14)], includeBackups: false);
        var trigger = new ReminderTrigger(ReminderTrigger.Auto, Slot);
        Assert.True(targets.Count >= 4, $"the Wuxi week has departments to remind ({targets.Count})");

        var failure = Assert.Throws<IOException>(() => Sender(world, new FailingLog(world.Get<IReminderLogStore>(), failOnWrite: 3)).Dispatch(week, targets, trigger, world.Clock.GetUtcNow()));

        Assert.Contains("half-way", failure.Message);
        Assert.Empty(world.Jobs.ByTopic(ReminderSender.Topic));
        Assert.Empty(world.ReminderLog());

        var dispatched = world.Get<ReminderSender>().Dispatch(week, targets, trigger, world.Clock.GetUtcNow());
        world.EveryoneTalked();
        await world.DrainAsync();

        Assert.Equal(targets.Count, world.Jobs.ByTopic(ReminderSender.Topic).Count);
        Assert.Equal(targets.Count, world.ReminderLog().Count);
        Assert.All(dispatched, d => Assert.NotNull(d.Job));
        var reached = world.Messenger.Sent.Select(s => s.Conversation.ConversationId).ToList();
        Assert.Equal(reached.Distinct().Count(), reached.Count);
    }
}
