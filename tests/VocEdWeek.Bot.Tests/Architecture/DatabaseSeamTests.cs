namespace VocEdWeek.Bot.Tests.Architecture;

/// <summary>
/// Issue 13: which database keeps the records is decided in one place (bot/Storage/StorageExtensions). Npgsql is used
/// only under bot/Storage/PostgreSql; LiteDB only under bot/Storage/LiteDb, by the LiteDB plumbing in bot/Storage and by
/// the backup of the LiteDB file. <see cref="NotYetMoved"/> lists what still uses LiteDB directly; it only shrinks.
/// </summary>
public sealed class DatabaseSeamTests
{
    private const string LiteDbStores = "VocEdWeek.Bot.Storage.LiteDb";
    private const string PgStores = "VocEdWeek.Bot.Storage.PostgreSql";

    /// <summary>
    /// The LiteDB file itself: opening it (with its log as the bot's stream, so a commit can be awaited on the disk),
    /// reopening it after a disk error; and copying it (backup and restore).
    /// </summary>
    private static readonly string[] LiteDbPlumbing =
    [
        "VocEdWeek.Bot.Storage.BotDatabase",
        "VocEdWeek.Bot.Storage.DurableEngine",
        "VocEdWeek.Bot.Storage.ReopeningEngine",
        "VocEdWeek.Bot.Operations.Backup",
    ];

    /// <summary>
    /// Types that use LiteDB outside its places, each until its store has an interface with a LiteDB and a PostgreSQL
    /// implementation (like ISlotStore). Take a type off when it no longer uses LiteDB; never add one.
    /// </summary>
    private static readonly HashSet<string> NotYetMoved = new(StringComparer.Ordinal)
    {
    };

    private static bool UsesLiteDb(IReadOnlySet<string> used) => used.Any(u => u.StartsWith("LiteDB.", StringComparison.Ordinal));

    private static bool LiteDbAllowed(string type) =>
        ProtocolSeamTests.InNamespace(type, LiteDbStores) || LiteDbPlumbing.Any(p => type == p || ProtocolSeamTests.InNamespace(type, p));

    [Fact]
    public void Npgsql_is_used_only_by_the_PostgreSQL_stores()
    {
        var leaks = TypeDependencies.OfBot().Uses
            .Where(u => !ProtocolSeamTests.InNamespace(u.Key, PgStores) && u.Value.Any(used => used.StartsWith("Npgsql", StringComparison.Ordinal)))
            .Select(u => u.Key)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Contains(TypeDependencies.OfBot().Uses, u => u.Key == $"{PgStores}.PgDatabase" && u.Value.Contains("Npgsql.NpgsqlDataSource"));
        Assert.True(leaks.Count == 0, $"Npgsql outside {PgStores} ({leaks.Count}):\n  {string.Join("\n  ", leaks)}\n"
            + "Put the SQL in a Pg…Store under bot/Storage/PostgreSql behind the store's interface.");
    }

    [Fact]
    public void LiteDB_is_used_only_by_the_LiteDB_stores_and_what_is_not_moved_yet()
    {
        var leaks = TypeDependencies.OfBot().Uses
            .Where(u => UsesLiteDb(u.Value) && !LiteDbAllowed(u.Key) && !NotYetMoved.Contains(u.Key))
            .Select(u => u.Key)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Contains(TypeDependencies.OfBot().Uses, u => u.Key == $"{LiteDbStores}.Scheduling.LiteDbSlotStore" && UsesLiteDb(u.Value));
        Assert.True(leaks.Count == 0, $"LiteDB outside bot/Storage/LiteDb ({leaks.Count}):\n  {string.Join("\n  ", leaks)}\n"
            + "Give the store an interface beside its records and move the LiteDB code to bot/Storage/LiteDb/<Domain>/LiteDb<Thing>Store.cs.");
    }

    [Fact]
    public void Every_type_not_moved_yet_still_uses_LiteDB()
    {
        var uses = TypeDependencies.OfBot().Uses;
        var stale = NotYetMoved.Where(t => !uses.TryGetValue(t, out var used) || !UsesLiteDb(used)).Order(StringComparer.Ordinal).ToList();

        Assert.True(stale.Count == 0, $"These no longer use LiteDB; take them off DatabaseSeamTests.NotYetMoved: {string.Join(", ", stale)}");
    }
}
