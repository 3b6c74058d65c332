using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Storage.PostgreSql;
using VocEdWeek.Bot.Storage.PostgreSql.Instances;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Storage.PostgreSql;

/// <summary>
/// Issue 13: start-up refuses a local-only file store when an instance on another host runs on the same database, and
/// allows the setups where every instance can read every file (or there is no other host).
/// </summary>
public sealed class InstanceRegistryTests(PgTestDatabase database) : IClassFixture<PgTestDatabase>
{
    private static PgInstanceRegistry Registry(PgDatabase db, RunningInstance self, bool shared = false) =>
        new(db, self, new StorageOptions { SharedDirectory = shared }, new FakeTimeProvider(), NullLogger<PgInstanceRegistry>.Instance);

    private static RunningInstance Local(string name = "bot-a", string host = "host-a") => new(name, host, RunningInstance.LocalStore);

    /// <summary>Another instance's row, its heartbeat <paramref name="minutesAgo"/> by the database's clock.</summary>
    private static void Running(PgDatabase db, string name, string host, int minutesAgo = 0, string store = RunningInstance.LocalStore) => db.Execute(
        "INSERT INTO instances (name, host, file_store, started_at, heartbeat_at) VALUES ($1, $2, $3, now() - $4, now() - $4)",
        name, host, store, TimeSpan.FromMinutes(minutesAgo));

    private static List<string> Rows(PgDatabase db) =>
        db.Query("SELECT name || '@' || host || ' ' || file_store FROM instances ORDER BY name", r => r.GetString(0));

    [Fact]
    public void A_local_store_is_refused_while_an_instance_on_another_host_runs()
    {
        var db = database.Fresh();
        Running(db, "bot-b", "host-b", minutesAgo: 1);

        var ex = Assert.Throws<ConfigurationException>(() => Registry(db, Local()).Register());

        Assert.StartsWith("Storage:SharedDirectory is not true, yet instance 'bot-b' on host 'host-b' runs on the same database", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", ex.Message, StringComparison.Ordinal);
        Assert.Equal(["bot-b@host-b local"], Rows(db));
    }

    [Fact]
    public void A_local_store_is_allowed_when_the_operator_says_the_folder_is_shared()
    {
        var db = database.Fresh();
        Running(db, "bot-b", "host-b");

        Registry(db, Local(), shared: true).Register();

        Assert.Equal(["bot-a@host-a local", "bot-b@host-b local"], Rows(db));
    }

    [Fact]
    public void SharePoint_is_allowed_beside_instances_on_other_hosts()
    {
        var db = database.Fresh();
        Running(db, "bot-b", "host-b", store: RunningInstance.SharePointStore);

        Registry(db, new RunningInstance("bot-a", "host-a", RunningInstance.SharePointStore)).Register();

        Assert.Equal(["bot-a@host-a sharepoint", "bot-b@host-b sharepoint"], Rows(db));
    }

    [Fact]
    public void Instances_on_the_same_host_share_its_folder()
    {
        var db = database.Fresh();
        Running(db, "bot-b", "host-a");

        Registry(db, Local()).Register();

        Assert.Equal(["bot-a@host-a local", "bot-b@host-a local"], Rows(db));
    }

    [Fact]
    public void An_instance_whose_heartbeat_is_old_is_gone_and_does_not_count()
    {
        var db = database.Fresh();
        Running(db, "bot-b", "host-b", minutesAgo: (int)PgInstanceRegistry.RecentWithin.TotalMinutes + 1);

        Registry(db, Local()).Register();

        Assert.Contains("bot-a@host-a local", Rows(db));
    }

    [Fact]
    public void A_restart_under_the_same_name_takes_its_own_row_back_even_from_another_host()
    {
        // The instance moved (a new VM with the old name): its own old row is not "another instance".
        var db = database.Fresh();
        Running(db, "bot-a", "old-host", minutesAgo: 1);

        Registry(db, Local()).Register();

        Assert.Equal(["bot-a@host-a local"], Rows(db));
        Assert.True(db.Scalar<bool>("SELECT started_at > now() - interval '1 minute' FROM instances WHERE name = 'bot-a'"));
    }

    [Fact]
    public async Task A_clean_stop_removes_the_row_so_a_replacement_on_another_host_may_start_at_once()
    {
        var db = database.Fresh();
        var first = Registry(db, Local("bot-a", "host-a"));
        await first.StartAsync(CancellationToken.None);
        Assert.Throws<ConfigurationException>(() => Registry(db, Local("bot-b", "host-b")).Register());

        await first.StopAsync(CancellationToken.None);

        Registry(db, Local("bot-b", "host-b")).Register();
        Assert.Equal(["bot-b@host-b local"], Rows(db));
    }
}
