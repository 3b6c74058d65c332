using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Storage.PostgreSql;
using VocEdWeek.Bot.Storage.PostgreSql.Weeks;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Weeks;
using VocEdWeek.Bot.Weeks.Settings;
using VocEdWeek.Bot.Weeks.Settings.Changes;

namespace VocEdWeek.Bot.Tests.Weeks;

/// <summary>
/// Two instances of the bot on one PostgreSQL database (each its own <see cref="PgDatabase"/>): a week seeded or changed on
/// instance A reaches instance B's catalog through NOTIFY, and B, having lost its listening connection, reloads once it
/// listens again so a change told meanwhile is not lost. Each test awaits B's reload, never the clock.
/// </summary>
public sealed class WeekChangeSignalTests(PgTestDatabase database) : IClassFixture<PgTestDatabase>, IAsyncLifetime
{
    private static readonly Actor Wang = new("王强", "ad000000-0000-4000-8000-000000000001");
    private readonly WatchedTimeProvider _clock = new(new DateTimeOffset(2024, 5, 14, 2, 0, 0, TimeSpan.Zero));
    private PgDatabase _a = null!;
    private PgDatabase _b = null!;
    private WeekCatalog _catalogB = null!;
    private PgWeekChangeListener _listenerB = null!;

    public async Task InitializeAsync()
    {
        _a = database.Fresh();
        _b = new PgDatabase(database.ConnectionString);
        _catalogB = new WeekCatalog(new PgWeekStore(_b), OfficeAdmins.None, _clock);
        _listenerB = new PgWeekChangeListener(_b, _catalogB, new InstanceName("b"), _clock, NullLogger<PgWeekChangeListener>.Instance);
        var listening = Heard(null);
        await _listenerB.StartAsync(CancellationToken.None);
        await listening;
    }

    /// <summary>Completes when B has reloaded for <paramref name="weekId"/> (null: because it started listening).</summary>
    private Task Heard(string? weekId)
    {
        var heard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _listenerB.Reloaded += week =>
        {
            if (week == weekId) heard.TrySetResult();
        };
        return heard.Task.WaitAsync(HangGuard.Limit);
    }

    private WeekEditor SeededEditorOnA()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Week:DefinitionFile"] = Path.Combine(RepoPaths.Samples, "2024-wuxi.json") }).Build();
        var store = new PgWeekStore(_a);
        var signal = new PgWeekChangeSignal(_a);
        WeekSeeding.Seed(store, configuration, _clock, NullLogger.Instance, signal);
        var catalog = new WeekCatalog(store, OfficeAdmins.None, _clock);
        return new WeekEditor(store, new PgSettingsLogStore(_a), new PgAtomicWrites(_a), catalog, _clock, NullLogger<WeekEditor>.Instance, signal);
    }

    [Fact]
    public async Task A_week_seeded_and_then_changed_on_one_instance_is_in_the_other_instances_catalog()
    {
        Assert.Null(_catalogB.Find("2024-wuxi"));

        var seeded = Heard("2024-wuxi");
        var editor = SeededEditorOnA();
        await seeded;
        Assert.Equal("机电工程学院", _catalogB.Active!.Department("jd")!.Name);

        var changed = Heard("2024-wuxi");
        Assert.True(editor.Apply("2024-wuxi", new RenameDepartment("jd", "甲学院"), Wang).Applied);
        await changed;
        Assert.Equal("甲学院", _catalogB.Active!.Department("jd")!.Name);
    }

    [Fact]
    public async Task A_change_made_while_the_listener_was_cut_off_is_read_when_it_listens_again()
    {
        var seeded = Heard("2024-wuxi");
        var editor = SeededEditorOnA();
        await seeded;
        var pausing = _clock.TimerArmed(TimeSpan.FromSeconds(1));

        Assert.Equal(1, _a.Scalar<long>("SELECT count(pg_terminate_backend(pid, 60000)) FROM pg_stat_activity WHERE application_name = 'VocEdWeek weeks listener b'"));
        await pausing.WaitAsync(HangGuard.Limit);
        // Told while B is not listening: B never hears this NOTIFY.
        Assert.True(editor.Apply("2024-wuxi", new RenameDepartment("jd", "甲学院"), Wang).Applied);
        Assert.Equal("机电工程学院", _catalogB.Active!.Department("jd")!.Name);

        var listeningAgain = Heard(null);
        _clock.Advance(TimeSpan.FromSeconds(1));
        await listeningAgain;
        Assert.Equal("甲学院", _catalogB.Active!.Department("jd")!.Name);
    }

    public async Task DisposeAsync()
    {
        await _listenerB.StopAsync(CancellationToken.None);
        _listenerB.Dispose();
        _b.Dispose();
    }
}
