using System.Text.Json;
using Npgsql;

namespace VocEdWeek.Bot.Bench.Storage;

/// <summary>
/// The server's own time for the store's "who hasn't reported" queries (EXPLAIN ANALYZE's execution time): on a busy
/// machine the time measured in the bench is mostly waiting for a core; this part is what the query itself costs.
/// </summary>
public static class PgExplain
{
    // The two queries PgSubmissionStore.Times and .Exemptions make (keep in step with it).
    private static readonly string[] Queries =
    [
        "SELECT department_id, item_key, first_submitted_at, current_submitted_at, versions FROM submission_slots WHERE week_id = $1 AND current_submitted_at IS NOT NULL",
        "SELECT week_id, department_id, item_key, set_by, set_at, reason FROM exemptions WHERE week_id = $1",
    ];

    /// <summary>Median over <paramref name="runs"/> of both queries' execution times together, in ms; and the plan of the first.</summary>
    public static async Task<(double Ms, string Plan)> MedianAsync(string connectionString, string weekId, int runs)
    {
        await using var source = NpgsqlDataSource.Create(connectionString);
        var times = new List<double>();
        var plan = "";
        for (var i = 0; i < runs; i++)
        {
            var total = 0.0;
            foreach (var sql in Queries)
            {
                await using var command = source.CreateCommand("EXPLAIN (ANALYZE, FORMAT JSON) " + sql);
                command.Parameters.Add(new NpgsqlParameter { Value = weekId });
                var json = (string)(await command.ExecuteScalarAsync())!;
                using var doc = JsonDocument.Parse(json);
                var root = doc.RootElement[0];
                total += root.GetProperty("Execution Time").GetDouble();
                var top = root.GetProperty("Plan");
                if (sql == Queries[0]) plan = top.GetProperty("Node Type").GetString() + (top.TryGetProperty("Relation Name", out var table) ? " on " + table.GetString() : "");
            }
            times.Add(total);
        }
        times.Sort();
        return (StoreTimings.Percentile(times, 50), plan);
    }
}
