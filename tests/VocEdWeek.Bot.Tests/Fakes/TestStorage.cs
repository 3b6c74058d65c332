using System.Security.Cryptography;

namespace VocEdWeek.Bot.Tests.Fakes;

/// <summary>
/// VOCEDWEEK_TEST_STORAGE=PostgreSql runs the tests that build the bot (<see cref="BotApp"/>, <see cref="DeliveryWorld"/>,
/// <see cref="AppServices"/> and the worlds on them) on PostgreSQL, each on a fresh database of <see cref="PostgresCluster"/>;
/// unset (or LiteDb), they keep the LiteDB file. Tests of the LiteDB file itself pass <see cref="LiteDb"/> and ignore the switch.
/// </summary>
public static class TestStorage
{
    public const string Variable = "VOCEDWEEK_TEST_STORAGE";

    public static bool OnPostgreSql =>
        string.Equals(Environment.GetEnvironmentVariable(Variable), "PostgreSql", StringComparison.OrdinalIgnoreCase);

    /// <summary>The settings of a test that is about the LiteDB file (backups of it, its disk-full handling) on either run.</summary>
    public static Dictionary<string, string?> LiteDb(Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?> { ["Storage:Provider"] = "LiteDb" };
        foreach (var (k, v) in settings ?? []) all[k] = v;
        return all;
    }

    /// <summary>The settings that put one app on PostgreSQL (a new database each call), or none.</summary>
    public static Dictionary<string, string?> Settings() => OnPostgreSql
        ? new()
        {
            ["Storage:Provider"] = "PostgreSql",
            // Test set-up is synchronous (constructors); the cluster's first start happens here once per run.
            ["ConnectionStrings:VocEdWeek"] = PostgresCluster.CreateDatabaseAsync().GetAwaiter().GetResult(),
            ["Links:SigningKey"] = NewSigningKey(),
        }
        : [];

    /// <summary>A link signing key of its own, as a new installation would set (PostgreSQL start-up requires one).</summary>
    public static string NewSigningKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>
    /// Settings a test put on PostgreSQL itself get a signing key of their own (start-up refuses PostgreSQL without one),
    /// unless the test chose the key, an empty one included.
    /// </summary>
    public static void KeyForPostgreSql(Dictionary<string, string?> settings)
    {
        if (string.Equals(settings.GetValueOrDefault("Storage:Provider"), "PostgreSql", StringComparison.OrdinalIgnoreCase)
            && !settings.ContainsKey("Links:SigningKey")) settings["Links:SigningKey"] = NewSigningKey();
    }
}
