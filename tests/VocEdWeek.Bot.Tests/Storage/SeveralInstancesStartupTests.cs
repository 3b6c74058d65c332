using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VocEdWeek.Bot.Links;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Storage.PostgreSql;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Storage;

/// <summary>
/// Issue 13: what several instances cannot share stops start-up in one sentence, exit code 2 — a link signing key each
/// instance would make for itself, and a local file store another host could not read — and the valid setups start.
/// </summary>
public sealed class SeveralInstancesStartupTests
{
    private static Dictionary<string, string> OnPostgreSql(string connectionString, string? signingKey) => new()
    {
        ["Storage__Provider"] = "PostgreSql",
        ["ConnectionStrings__VocEdWeek"] = connectionString,
        ["Links__SigningKey"] = signingKey ?? "",
    };

    [Fact]
    public async Task PostgreSql_without_a_configured_link_signing_key_refuses_to_start()
    {
        var (exitCode, stderr) = await BotProcess.RunUntilItStopsAsync(OnPostgreSql(await PostgresCluster.CreateDatabaseAsync(), null));

        Assert.Equal(2, exitCode);
        Assert.Equal("VocEdWeek.Bot cannot start: Links:SigningKey must be set when Storage:Provider is PostgreSql, "
            + "so that every instance accepts the links the others signed (e.g. openssl rand -base64 32).", stderr);
    }

    [Fact]
    public async Task A_local_file_store_refuses_to_start_while_an_instance_on_another_host_runs()
    {
        var connectionString = await PostgresCluster.CreateDatabaseAsync();
        using (var db = PgDatabase.OpenMigrated(connectionString, Microsoft.Extensions.Logging.Abstractions.NullLogger<PgMigrations>.Instance))
        {
            db.Execute("INSERT INTO instances (name, host, file_store, started_at, heartbeat_at) VALUES ('bot-b', 'host-b', 'local', now(), now())");
        }

        var (exitCode, stderr) = await BotProcess.RunUntilItStopsAsync(OnPostgreSql(connectionString, TestStorage.NewSigningKey()));

        Assert.Equal(2, exitCode);
        // Refused by a start-up step, after the anonymous-mode warning: the sentence is the last line, and one line.
        Assert.StartsWith("VocEdWeek.Bot cannot start: Storage:SharedDirectory is not true, yet instance 'bot-b' on host 'host-b'",
            stderr.Split('\n')[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_start_is_allowed_on_a_folder_the_operator_says_is_shared_and_the_bot_records_itself()
    {
        var connectionString = await PostgresCluster.CreateDatabaseAsync();
        using (var db = PgDatabase.OpenMigrated(connectionString, Microsoft.Extensions.Logging.Abstractions.NullLogger<PgMigrations>.Instance))
        {
            db.Execute("INSERT INTO instances (name, host, file_store, started_at, heartbeat_at) VALUES ('bot-b', 'host-b', 'local', now(), now())");
        }
        var key = TestStorage.NewSigningKey();
        await using var app = new BotApp(new()
        {
            ["Storage:Provider"] = "PostgreSql", ["ConnectionStrings:VocEdWeek"] = connectionString, ["Links:SigningKey"] = key,
            ["Storage:SharedDirectory"] = "true", ["Storage:InstanceName"] = "bot-a",
        });
        _ = app.Server;

        using var check = new PgDatabase(connectionString);
        Assert.Equal(["bot-a@" + Environment.MachineName + " local", "bot-b@host-b local"],
            check.Query("SELECT name || '@' || host || ' ' || file_store FROM instances ORDER BY name", r => r.GetString(0)));
        // The configured key is the one links are signed with: another instance with it accepts this one's links.
        var link = app.Services.GetRequiredService<LinkSigner>().Create("upload", new Dictionary<string, string> { ["d"] = "jd" }, TimeSpan.FromHours(1));
        var other = new LinkSigner(new WebLinkOptions { SigningKey = key }, new StorageOptions { Directory = app.DataDirectory + "-other" },
            app.Services.GetRequiredService<TimeProvider>());
        Assert.True(other.Verify(link, "upload").IsValid);
        Assert.False(File.Exists(Path.Combine(app.DataDirectory, "link-signing.key")));
    }

    [Fact]
    public void LiteDb_still_makes_its_own_key_beside_its_file()
    {
        using var app = new BotApp(new() { ["Storage:Provider"] = "LiteDb", ["Links:SigningKey"] = null });

        Assert.NotNull(app.Services.GetRequiredService<LinkSigner>().InstanceId);
        Assert.True(File.Exists(Path.Combine(app.DataDirectory, "link-signing.key")));
    }

    private static string[] Failures(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddStorage(configuration).BuildServiceProvider();
        return [.. Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<StorageOptions>()).Failures];
    }

    [Fact]
    public void The_missing_key_is_one_sentence_naming_it_after_a_missing_connection_string()
    {
        Assert.Equal(["Links:SigningKey must be set when Storage:Provider is PostgreSql, so that every instance accepts the links the others signed (e.g. openssl rand -base64 32)."],
            Failures(new() { ["Storage:Provider"] = "PostgreSql", ["ConnectionStrings:VocEdWeek"] = "Host=127.0.0.1;Port=1;Username=x", ["Links:SigningKey"] = " " }));
        // One sentence at a time: the database comes first.
        Assert.Equal(["ConnectionStrings:VocEdWeek must be set when Storage:Provider is PostgreSql."],
            Failures(new() { ["Storage:Provider"] = "PostgreSql" }));
    }
}
