using System.Text.RegularExpressions;

namespace VocEdWeek.Bot.Storage.PostgreSql;

/// <summary>
/// The schema, as numbered SQL files embedded in the bot (Migrations/NNNN_name.sql; the number is the version). At start
/// every version not yet in <c>schema_migrations</c> is applied in order, all in one transaction taken under a fixed
/// advisory lock: instances starting together wait for each other instead of racing, and a failed file leaves nothing
/// half done. The files are idempotent as well (IF NOT EXISTS), so one applied by hand does no harm.
/// </summary>
public sealed partial class PgMigrations(PgDatabase db, ILogger<PgMigrations> log)
{
    /// <summary>Any fixed number works, as long as every instance uses the same one ("VocEdWeek" in ASCII).</summary>
    internal const long LockKey = 0x566F63456457656B;

    private const string Prefix = "VocEdWeek.Bot.Storage.PostgreSql.Migrations.";

    public sealed record Migration(int Version, string Name, string Sql);

    /// <summary>Every migration the bot carries, by version.</summary>
    public static IReadOnlyList<Migration> All { get; } = Load();

    /// <summary>Applies what is missing; the versions applied by this call (none when another instance was first).</summary>
    public IReadOnlyList<int> Apply() => db.InTransaction(tx =>
    {
        tx.Execute("SELECT pg_advisory_xact_lock($1)", LockKey);
        tx.Execute("""
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version integer PRIMARY KEY,
                name text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now())
            """);
        var done = tx.Query("SELECT version FROM schema_migrations", r => r.GetInt32(0)).ToHashSet();
        var applied = new List<int>();
        foreach (var m in All.Where(m => !done.Contains(m.Version)))
        {
            tx.Execute(m.Sql);
            tx.Execute("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", m.Version, m.Name);
            LogApplied(log, m.Version, m.Name);
            applied.Add(m.Version);
        }
        return applied;
    });

    private static List<Migration> Load()
    {
        var assembly = typeof(PgMigrations).Assembly;
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            var file = resource[Prefix.Length..];
            var match = FileName().Match(file);
            if (!match.Success) throw new InvalidOperationException($"Migration '{file}' must be named NNNN_name.sql.");
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            migrations.Add(new Migration(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), match.Groups[2].Value, reader.ReadToEnd()));
        }
        if (migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new InvalidOperationException($"Two migrations have version {twice.Key}: {string.Join(", ", twice.Select(m => m.Name))}.");
        return migrations.OrderBy(m => m.Version).ToList();
    }

    [GeneratedRegex(@"^(\d{4})_([a-z0-9_]+)\.sql$")]
    private static partial Regex FileName();

    [LoggerMessage(Level = LogLevel.Information, Message = "PostgreSQL migration {Version} ({Name}) applied")]
    private static partial void LogApplied(ILogger logger, int version, string name);
}
