using VocEdWeek.Bot.Features.Reminders;
using VocEdWeek.Bot.Outbox;
using VocEdWeek.Bot.Scheduling;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Tests.Features.Digest;
using static VocEdWeek.Bot.Tests.Fakes.DeliveryWorld;

namespace VocEdWeek.Bot.Tests.Scheduling;

/// <summary>
/// The scheduler on a FakeTimeProvider with a UTC server clock: default slots in Beijing time, reminders only
/// to departments still missing, once per slot across restarts, grace periods, the 12:00 boundary and midnight.
/// Wuxi week: 张伟 (jd) and 李娜 (xx) and 陈静 (sj) have Entra ids; 王强 (jg), 刘洋 and backup 赵敏 (jz) e-mail only.
/// </summary>
public sealed class SchedulerTests
{
    private const string ZhangWei = "11a150a0-0000-4000-8000-000000000001";
    private const string LiNa = "11a150a0-0000-4000-8000-000000000002";
    private const string ChenJing = "11a150a0-0000-4000-8000-000000000005";

    [Fact]
    public void DefaultSlots_AreBeijingTimes_AsUtcInstants()
    {
        using var world = new DeliveryWorld(Beijing(5, 10, 8, 0));
        var slots = world.Get<ReminderPlan>().Slots(world.Week);
        var keys = slots.ToDictionary(s => s.Key, s => s);

        // Report day: 09:00, 11:00, 11:45 Beijing = 01:00, 03:00, 03:45 UTC; late notice 12:05 = 04:05 UTC.
        Assert.Equal(DateTimeOffset.Parse("2024-05-14T01:00:00Z"), keys["2024-wuxi|remind|2024-05-14T09:00"].At);
        Assert.Equal(DateTimeOffset.Parse("2024-05-14T03:45:00Z"), keys["2024-wuxi|remind|2024-05-14T11:45"].At);
        Assert.Equal(DateTimeOffset.Parse("2024-05-14T04:05:00Z"), keys["2024-wuxi|late|2024-05-14T12:05"].At);
        // The 11:45 reminder may run late only until the 12:00 deadline.
        Assert.Equal(TimeSpan.FromMinutes(15), keys["2024-wuxi|remind|2024-05-14T11:45"].Grace);
        // Plan (due 05-12 12:00): the day before at 16:00, and that morning at 09:00 together with the first report.
        Assert.Equal(["plan"], keys["2024-wuxi|remind|2024-05-11T16:00"].Items.Select(i => i.Key));
        Assert.Equal(["plan", "report:2024-05-12"], keys["2024-wuxi|remind|2024-05-12T09:00"].Items.Select(i => i.Key).Order());
        Assert.Equal(["plan", "report:2024-05-12"], keys["2024-wuxi|late|2024-05-12T12:05"].Items.Select(i => i.Key).Order());
        // Statistics and summary (due 05-19 17:30): 09:00 and 15:00 that day, late notice 17:35.
        Assert.Equal(["statistics", "summary"], keys["2024-wuxi|remind|2024-05-19T15:00"].Items.Select(i => i.Key).Order());
        Assert.True(keys.ContainsKey("2024-wuxi|late|2024-05-19T17:35"));
        // 7 report days × 3 + plan 2 (one shared) + stats/summary 2 reminder moments; late notices: 7 report days + stats/summary.
        Assert.Equal(7 * 3 + 1 + 2, slots.Count(s => s.Kind == "remind"));
        Assert.Equal(7 + 1, slots.Count(s => s.Kind == "late"));

        var (from, to) = world.Get<IScheduleWindow>().Of(world.Week);
        Assert.Equal(Beijing(5, 11, 16, 0), from);
        Assert.Equal(Beijing(5, 19, 17, 35), to);
    }

    [Fact]
    public async Task Reminders_GoOnlyToMissingDepartments_AndStopOnceTheySubmit()
    {
        using var world = new DeliveryWorld(Beijing(5, 14, 9, 0));
        world.EveryoneTalked();
        world.Submit("xx", Report(5, 14), Beijing(5, 14, 8, 30));

        var ran = await world.TickAsync();
        Assert.Contains("2024-wuxi|remind|2024-05-14T09:00", ran);
        Assert.Single(world.Messenger.SentTo($"a:{ZhangWei}"));
        Assert.Empty(world.Messenger.SentTo($"a:{LiNa}"));

        world.Submit("jd", Report(5, 14), Beijing(5, 14, 10, 12));
        world.SetBeijing(5, 14, 11, 0);
        await world.TickAsync();
        Assert.Single(world.Messenger.SentTo($"a:{ZhangWei}"));
        Assert.Equal(2, world.Messenger.SentTo($"a:{ChenJing}").Count);

        // A reminder still queued when its department submits is dropped, not sent.
        world.SetBeijing(5, 14, 11, 45);
        await world.Get<Scheduler>().RunDueAsync(world.Clock.GetUtcNow());
        world.Submit("sj", Report(5, 14), Beijing(5, 14, 11, 45, 1));
        await world.DrainAsync();
        Assert.Equal(2, world.Messenger.SentTo($"a:{ChenJing}").Count);
        var dropped = world.Jobs.Find($"remind|2024-wuxi|remind|2024-05-14T11:45|sj|{ChenJing}")!;
        Assert.Equal(OutboxState.Canceled, dropped.State);
        Assert.Equal(OutboxOutcome.NoLongerNeeded, dropped.Outcome);
    }

    [Fact]
    public async Task NothingFiresTwice_AcrossRestarts()
    {
        using var world = new DeliveryWorld(Beijing(5, 14, 9, 0, 5));
        world.EveryoneTalked();
        await world.TickAsync();
        var sent = world.Messenger.Sent.Count;
        var logged = world.ReminderLog().Count;
        Assert.Equal(3, sent); // the three liaisons with a chat; the three known by e-mail only are logged as not reachable
        Assert.Equal(6, logged);

        world.Restart();
        world.SetBeijing(5, 14, 9, 10);
        Assert.Empty(await world.TickAsync());
        Assert.Equal(sent, world.Messenger.Sent.Count);

        // A crash after the jobs were queued but before the slot was recorded: the slot runs again, its jobs do not.
        world.ForgetSlot("2024-wuxi|remind|2024-05-14T09:00");
        world.Restart();
        Assert.Contains("2024-wuxi|remind|2024-05-14T09:00", await world.TickAsync());
        Assert.Equal(sent, world.Messenger.Sent.Count);
        Assert.Equal(logged, world.ReminderLog().Count);
    }

    [Fact]
    public async Task MissedSlot_RunsLateWithinGrace_NotAfter()
    {
        // Down from 08:50 to 09:20: the 09:00 reminder still goes out.
        using var world = new DeliveryWorld(Beijing(5, 14, 9, 20));
        world.EveryoneTalked();
        Assert.Contains("2024-wuxi|remind|2024-05-14T09:00", await world.TickAsync());

        // Down from 10:50 to 13:00: 11:00 and 11:45 are missed (recorded, not sent); the 12:05 late notice is
        // within its 30 minutes? No: 13:00 is 55 minutes late. The 12:05 digest (2 h grace) still runs.
        world.SetDigestChannel();
        var before = world.Messenger.Sent.Count;
        world.SetBeijing(5, 14, 13, 0);
        var ran = await world.TickAsync();
        Assert.Equal(["2024-wuxi|digest|2024-05-14T12:05"], ran);
        Assert.Single(world.Messenger.Sent.Skip(before));
        var slots = world.Get<ISlotStore>();
        Assert.True(slots.Find("2024-wuxi|remind|2024-05-14T11:00")!.Missed);
        Assert.True(slots.Find("2024-wuxi|remind|2024-05-14T11:45")!.Missed);
        Assert.True(slots.Find("2024-wuxi|late|2024-05-14T12:05")!.Missed);

        // Digest: 17:30 missed until 19:40 is beyond its 2 hours.
        world.SetBeijing(5, 14, 19, 40);
        Assert.Empty(await world.TickAsync());
        Assert.True(slots.Find("2024-wuxi|digest|2024-05-14T17:30")!.Missed);
    }

    [Fact]
    public async Task NoonBoundary_1159_59_IsOnTime_1200_01_IsLate_AndTheLateNoticeWaitsFor1205()
    {
        using var world = new DeliveryWorld(Beijing(5, 14, 11, 59, 59));
        world.EveryoneTalked();
        world.SetDigestChannel();
        world.Submit("jd", Report(5, 14), Beijing(5, 14, 11, 59, 59));
        world.Submit("xx", Report(5, 14), Beijing(5, 14, 12, 0, 0));
        // The 11:45 reminder, missed until 11:59:59, still runs before the deadline ...
        Assert.Contains("2024-wuxi|remind|2024-05-14T11:45", await world.TickAsync());
        Assert.Single(world.Messenger.SentTo($"a:{ChenJing}"));

        // ... and a restart at 12:00:01 finds it done; no late notice yet.
        world.Restart();
        world.SetBeijing(5, 14, 12, 0, 1);
        world.Submit("sj", Report(5, 14), Beijing(5, 14, 12, 0, 1));
        world.SetBeijing(5, 14, 12, 4, 59);
        Assert.Empty(await world.TickAsync());

        world.SetBeijing(5, 14, 12, 5);
        var ran = await world.TickAsync();
        Assert.Contains("2024-wuxi|late|2024-05-14T12:05", ran);
        Assert.Contains("2024-wuxi|digest|2024-05-14T12:05", ran);
        // Late notices: only jg and jz are still missing (jd on time at 11:59:59, xx at 12:00:00 inclusive, sj late at 12:00:01).
        var late = world.ReminderLog().Where(e => e.Trigger == ReminderTrigger.Late).Select(e => e.DepartmentId).Distinct().Order();
        Assert.Equal(["jg", "jz"], late);
        var digest = world.Messenger.SentTo(ChannelId).Single().Cards[0];
        var row = DigestTests.GridRow(digest, "设计艺术学院");
        Assert.Equal("迟", row[^1]);
        Assert.Equal("✓", DigestTests.GridRow(digest, "机电工程学院")[^1]);
        Assert.Equal("✓", DigestTests.GridRow(digest, "信息工程学院")[^1]);
        Assert.Equal("✗", DigestTests.GridRow(digest, "经济管理学院")[^1]);
    }

    [Fact]
    public async Task DailyCap_CountsPerBeijingDay_NotPerUtcDay()
    {
        // A 07:00 reminder on report days: 07:00 Beijing on 05-14 is 23:00 UTC on 05-13, the same UTC day as 05-13 09:00.
        using var world = new DeliveryWorld(Beijing(5, 13, 9, 0), new()
        {
            ["Reminders:MaxPerLiaisonPerDay"] = "1",
            ["Reminders:Schedule:DailyReport:0"] = "07:00",
            ["Reminders:Schedule:DailyReport:1"] = "09:00",
        });
        world.EveryoneTalked();
        await world.TickAsync();
        Assert.Single(world.Messenger.SentTo($"a:{ZhangWei}"));

        world.SetBeijing(5, 13, 23, 59, 59);
        await world.TickAsync();
        Assert.Single(world.Messenger.SentTo($"a:{ZhangWei}"));

        world.SetBeijing(5, 14, 7, 0);
        Assert.Equal(world.Clock.GetUtcNow().UtcDateTime.Date, new DateTime(2024, 5, 13));
        Assert.Contains("2024-wuxi|remind|2024-05-14T07:00", await world.TickAsync());
        Assert.Equal(2, world.Messenger.SentTo($"a:{ZhangWei}").Count);

        // 09:00 the same Beijing day: over the cap of 1, logged as skipped.
        world.SetBeijing(5, 14, 9, 0);
        await world.TickAsync();
        Assert.Equal(2, world.Messenger.SentTo($"a:{ZhangWei}").Count);
        Assert.Contains(world.ReminderLog(), e => e.PersonKey == ZhangWei && e.SlotKey == "2024-wuxi|remind|2024-05-14T09:00" && e.Skipped == "cap");
    }

    [Fact]
    public async Task DefaultCap_Of4_AllowsTheWholeReportDay_ButNotMore()
    {
        using var world = new DeliveryWorld(Beijing(5, 12, 9, 0), new() { ["Reminders:MaxPerLiaisonPerDay"] = "3" });
        world.EveryoneTalked();
        foreach (var (h, m) in new[] { (9, 0), (11, 0), (11, 45), (12, 5) })
        {
            world.SetBeijing(5, 12, h, m);
            await world.TickAsync();
        }
        // Four moments on 05-12 (09:00 plan + report in one message, 11:00, 11:45, 12:05 late notice), cap 3.
        Assert.Equal(3, world.Messenger.SentTo($"a:{ZhangWei}").Count);
        var first = world.Messenger.SentTo($"a:{ZhangWei}")[0].Cards[0];
        Assert.Equal(2, first["actions"]!.AsArray().Count(a => (string?)a!["verb"] == "form.open"));
        Assert.Single(world.ReminderLog(), e => e.PersonKey == ZhangWei && e.Skipped == "cap");
    }

    [Fact]
    public async Task NothingRunsOutsideTheWeeksWindow()
    {
        using var world = new DeliveryWorld(Beijing(5, 11, 15, 59));
        world.EveryoneTalked();
        world.SetDigestChannel();
        Assert.Empty(await world.TickAsync());
        Assert.Empty(world.Messenger.Sent);

        world.SetBeijing(5, 11, 16, 0);
        Assert.Equal(["2024-wuxi|remind|2024-05-11T16:00"], await world.TickAsync());

        // After the statistics/summary late notice (05-19 17:35) nothing is left to run, ever.
        world.SetBeijing(5, 19, 17, 35);
        await world.TickAsync();
        var count = world.Messenger.Sent.Count;
        world.SetBeijing(5, 20, 9, 0);
        Assert.Empty(await world.TickAsync());
        world.SetBeijing(5, 21, 12, 5);
        Assert.Empty(await world.TickAsync());
        Assert.Equal(count, world.Messenger.Sent.Count);
    }

    [Fact]
    public async Task TheHostedLoop_IsDrivenByFakeTimeProviderAdvance()
    {
        using var world = new DeliveryWorld(Beijing(5, 14, 8, 59, 50), new() { ["Scheduling:TickInterval"] = "00:00:05", ["Outbox:PollInterval"] = "00:00:01" });
        world.EveryoneTalked();
        using var cts = new CancellationTokenSource();
        var scheduler = world.Get<Scheduler>();
        var worker = world.Get<OutboxWorker>();
        var tick = TimeSpan.FromSeconds(5);
        var armed = world.Clock.TimerArmed(tick);
        await scheduler.StartAsync(cts.Token);
        await worker.StartAsync(cts.Token);
        try
        {
            // The first round (08:59:50) is over and the loop waits on the fake clock: nothing was due.
            await armed.WaitAsync(HangGuard.Limit);
            Assert.Empty(world.Messenger.Sent);
            var sent = world.Messenger.SentToAsync($"a:{ZhangWei}");
            for (var i = 0; i < 4 && !sent.IsCompleted; i++)
            {
                armed = world.Clock.TimerArmed(tick);
                world.Clock.Advance(tick);
                await Task.WhenAny(armed, sent).WaitAsync(HangGuard.Limit);
            }
            await sent.WaitAsync(HangGuard.Limit);
            Assert.Single(world.Messenger.SentTo($"a:{ZhangWei}"));
            Assert.True(world.Clock.GetUtcNow() >= Beijing(5, 14, 9, 0));
        }
        finally
        {
            await scheduler.StopAsync(CancellationToken.None);
            await worker.StopAsync(CancellationToken.None);
        }
    }
}
