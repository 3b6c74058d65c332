using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VocEdWeek.Bot.Scheduling;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Storage.LiteDb.Scheduling;
using VocEdWeek.Bot.Storage.PostgreSql;
using VocEdWeek.Bot.Storage.PostgreSql.Scheduling;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Storage;

/// <summary>Issue 13: Storage:Provider picks the database; a wrong choice stops start-up in one sentence naming the key.</summary>
public sealed class StorageProviderTests
{
    private static ServiceProvider Storage(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        services.AddStorage(configuration);
        return services.BuildServiceProvider();
    }

    [Theory]
    [InlineData("Oracle", null, "Storage:Provider must be LiteDb or PostgreSql; got 'Oracle'.")]
    [InlineData("PostgreSql", null, "ConnectionStrings:VocEdWeek must be set when Storage:Provider is PostgreSql.")]
    [InlineData("PostgreSql", " ", "ConnectionStrings:VocEdWeek must be set when Storage:Provider is PostgreSql.")]
    public void A_wrong_choice_is_one_sentence_naming_the_key(string provider, string? connectionString, string sentence)
    {
        using var services = Storage(new() { ["Storage:Provider"] = provider, ["ConnectionStrings:VocEdWeek"] = connectionString, ["Links:SigningKey"] = TestStorage.NewSigningKey() });

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<StorageOptions>());

        Assert.Equal([sentence], ex.Failures);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-00:00:30")]
    public void A_lease_sweep_that_is_not_positive_is_one_sentence_naming_the_key(string sweep)
    {
        using var services = Storage(new() { ["Storage:LeaseSweep"] = sweep });

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<StorageOptions>());

        Assert.Equal([$"Storage:LeaseSweep must be a positive time span like 00:00:30; got {TimeSpan.Parse(sweep, System.Globalization.CultureInfo.InvariantCulture)}."], ex.Failures);
    }

    [Fact]
    public void LiteDb_is_the_default()
    {
        using var dir = new TempDir();
        using var services = Storage(new() { ["Storage:Directory"] = dir.Path });

        Assert.IsType<LiteDbSlotStore>(services.GetRequiredService<ISlotStore>());
    }

    [Fact]
    public async Task The_real_bot_on_PostgreSql_migrates_at_start_and_keeps_its_slots_there()
    {
        var connectionString = await PostgresCluster.CreateDatabaseAsync();
        using var app = new BotApp(new() { ["Storage:Provider"] = "PostgreSql", ["ConnectionStrings:VocEdWeek"] = connectionString });
        _ = app.Server; // starts the host: PgStartup migrates before the other hosted services run

        var slots = app.Services.GetRequiredService<ISlotStore>();
        Assert.IsType<PgSlotStore>(slots);
        slots.Record(new SlotRecord { Id = "2024-wuxi|remind|2024-05-14T09:00", Source = "remind", At = DateTime.UtcNow, RecordedAt = DateTime.UtcNow });

        using var db = new PgDatabase(connectionString);
        Assert.Equal(PgMigrations.All.Count, db.Scalar<long>("SELECT count(*) FROM schema_migrations"));
        Assert.Equal("2024-wuxi|remind|2024-05-14T09:00", db.Scalar<string>("SELECT id FROM schedule_slots"));
    }

    [Theory]
    [InlineData("Oracle", null, "Storage:Provider must be LiteDb or PostgreSql; got 'Oracle'.")]
    [InlineData("PostgreSql", null, "ConnectionStrings:VocEdWeek must be set when Storage:Provider is PostgreSql.")]
    [InlineData("PostgreSql", "Host=127.0.0.1;Port=1;Username=x;Timeout=5", "ConnectionStrings:VocEdWeek cannot be opened and migrated: ")]
    public async Task The_real_bot_refuses_to_start_with_exit_code_2(string provider, string? connectionString, string sentence)
    {
        var environment = new Dictionary<string, string> { ["Storage__Provider"] = provider, ["Links__SigningKey"] = TestStorage.NewSigningKey() };
        if (connectionString is not null) environment["ConnectionStrings__VocEdWeek"] = connectionString;

        var (exitCode, stderr) = await BotProcess.RunUntilItStopsAsync(environment);

        Assert.Equal(2, exitCode);
        Assert.StartsWith($"VocEdWeek.Bot cannot start: {sentence}", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", stderr, StringComparison.Ordinal);
    }
}
