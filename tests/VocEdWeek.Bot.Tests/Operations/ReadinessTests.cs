using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Files.Publishing;
using VocEdWeek.Bot.Outbox;
using VocEdWeek.Bot.Scheduling;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Tests.Features.Forms;
using VocEdWeek.Bot.Tests.Files.SharePoint;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Tests.Operations;

/// <summary>
/// The readiness checks on the app's real services and stores (a LiteDB file, the fake clock; hosted services are
/// started only where a test says so): each goes Unhealthy exactly when its limit is passed.
/// </summary>
public sealed class ReadinessTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly FakeTimeProvider _clock = new(FormsWorld.Beijing(2024, 5, 14, 10, 0));

    public void Dispose() => _dir.Dispose();

    private ServiceProvider Start(Dictionary<string, string?>? extra = null, bool week = true)
    {
        var settings = new Dictionary<string, string?> { ["Storage:Directory"] = _dir.Path, ["Scheduling:Enabled"] = "false" };
        if (week) settings["Week:DefinitionFile"] = Path.Combine(RepoPaths.Samples, "2024-wuxi.json");
        foreach (var (k, v) in extra ?? []) settings[k] = v;
        return AppServices.Build(settings, _clock, new RecordingMessenger());
    }

    private static async Task<HealthReportEntry> CheckAsync(IServiceProvider sp, string name) =>
        (await sp.GetRequiredService<HealthCheckService>().CheckHealthAsync(c => c.Name == name)).Entries[name];

    [Fact]
    public async Task A_quiet_bot_is_healthy_and_says_what_is_off()
    {
        await using var sp = Start();
        var report = await sp.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        Assert.Equal(HealthStatus.Healthy, report.Status);
        Assert.Equal(["database", "outbox", "scheduler", "sharepoint-queue", "week"], report.Entries.Keys.Order());
        Assert.Contains("Scheduling:Enabled", report.Entries["scheduler"].Description);
        Assert.Contains("not configured", report.Entries["sharepoint-queue"].Description);
        Assert.Contains("2024-wuxi", report.Entries["week"].Description);
    }

    [Fact]
    public async Task No_week_is_degraded_not_unhealthy()
    {
        await using var sp = Start(week: false);
        var week = await CheckAsync(sp, "week");
        Assert.Equal(HealthStatus.Degraded, week.Status);
        Assert.Contains("Week:DefinitionFile", week.Description);
    }

    [Fact]
    public async Task Outbox_is_unhealthy_once_a_due_message_waits_longer_than_MaxOutboxAge()
    {
        await using var sp = Start(new() { ["Health:MaxOutboxAge"] = "00:10:00" });
        var store = sp.GetRequiredService<IOutboxStore>();
        var now = _clock.GetUtcNow().UtcDateTime;
        store.Add(new OutboxJob { Id = "notice|due", Topic = "notice", NextAttemptAt = now, CreatedAt = now });
        store.Add(new OutboxJob { Id = "notice|later", Topic = "notice", NextAttemptAt = now.AddHours(1), CreatedAt = now });

        _clock.Advance(TimeSpan.FromMinutes(10));
        var within = await CheckAsync(sp, "outbox");
        Assert.Equal((HealthStatus.Healthy, "1 message(s) due, the oldest for 10 min."), (within.Status, within.Description));

        _clock.Advance(TimeSpan.FromMinutes(1));
        var late = await CheckAsync(sp, "outbox");
        Assert.Equal(HealthStatus.Unhealthy, late.Status);
        Assert.Equal("1 message(s) due, the oldest for 11 min (Health:MaxOutboxAge 10 min).", late.Description);
    }

    [Fact]
    public async Task Scheduler_is_unhealthy_when_its_loop_stops_turning()
    {
        // No week: a round is over at once; the loop then waits on the fake clock.
        await using var sp = Start(new() { ["Scheduling:Enabled"] = "true", ["Scheduling:TickInterval"] = "00:00:20" }, week: false);
        Assert.Equal(HealthStatus.Unhealthy, (await CheckAsync(sp, "scheduler")).Status);

        var scheduler = sp.GetRequiredService<Scheduler>();
        await ((IHostedService)scheduler).StartAsync(CancellationToken.None);
        await scheduler.FirstTick.WaitAsync(TimeSpan.FromSeconds(30)); // a safety net, not a timing: the round needs no clock
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync(sp, "scheduler")).Status);
        _clock.Advance(TimeSpan.FromSeconds(50));
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync(sp, "scheduler")).Status);

        await ((IHostedService)scheduler).StopAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(2));
        var stalled = await CheckAsync(sp, "scheduler");
        Assert.Equal(HealthStatus.Unhealthy, stalled.Status);
        Assert.StartsWith("No round for ", stalled.Description);
    }

    [Fact]
    public async Task SharePoint_queue_is_unhealthy_while_a_file_waits_longer_than_MaxUploadQueueAge()
    {
        await using var graph = await FakeGraph.StartAsync();
        await using var sp = Start(SharePointHarness.Config(graph, new() { ["SharePoint:MaxAttempts"] = "1", ["Health:MaxUploadQueueAge"] = "01:00:00" }));
        graph.Down = true;
        var record = new MediaRecord
        {
            WeekId = "2024-wuxi", DepartmentId = "jd", ItemKey = "report:2024-05-14", OriginalName = "开幕式.jpg", FileName = "开幕式.jpg",
            Kind = MediaKind.Photo, ReceivedAt = _clock.GetUtcNow().UtcDateTime, FromName = "张伟", BatchId = "b1", Locale = "zh-CN",
        };
        var stored = await sp.GetRequiredService<IFileStore>().SaveAsync(
            FileIntakeWorker.FolderOf(record, sp.GetRequiredService<WeekCatalog>()), record.FileName, new MemoryStream(new byte[2048]), CancellationToken.None);
        await sp.GetRequiredService<MediaArrival>().StoredAsync(record, stored);
        var worker = sp.GetRequiredService<RemoteUploadWorker>();
        Assert.Equal(0, await worker.RunDueAsync(CancellationToken.None));
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync(sp, "sharepoint-queue")).Status);

        _clock.Advance(TimeSpan.FromMinutes(61));
        var late = await CheckAsync(sp, "sharepoint-queue");
        Assert.Equal(HealthStatus.Unhealthy, late.Status);
        Assert.Equal("1 file(s) waiting for SharePoint, the oldest for 61 min (Health:MaxUploadQueueAge 60 min).", late.Description);

        graph.Down = false;
        Assert.Equal(1, await worker.RunDueAsync(CancellationToken.None));
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync(sp, "sharepoint-queue")).Status);
    }
}
