namespace VocEdWeek.Bot.Tests.Fakes;

/// <summary>
/// VOCEDWEEK_TEST_STORAGE=PostgreSql runs the tests that build the bot (<see cref="BotApp"/>, <see cref="DeliveryWorld"/>)
/// on PostgreSQL, each on a fresh database of <see cref="PostgresCluster"/>; unset (or LiteDb), they keep the LiteDB file.
/// </summary>
public static class TestStorage
{
    public const string Variable = "VOCEDWEEK_TEST_STORAGE";

    public static bool OnPostgreSql =>
        string.Equals(Environment.GetEnvironmentVariable(Variable), "PostgreSql", StringComparison.OrdinalIgnoreCase);

    /// <summary>The settings that put one app on PostgreSQL (a new database each call), or none.</summary>
    public static Dictionary<string, string?> Settings() => OnPostgreSql
        ? new()
        {
            ["Storage:Provider"] = "PostgreSql",
            // Test set-up is synchronous (constructors); the cluster's first start happens here once per run.
            ["ConnectionStrings:VocEdWeek"] = PostgresCluster.CreateDatabaseAsync().GetAwaiter().GetResult(),
        }
        : [];
}
