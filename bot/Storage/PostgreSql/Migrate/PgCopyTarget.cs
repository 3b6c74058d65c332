using VocEdWeek.Bot.Storage.Migrate;

namespace VocEdWeek.Bot.Storage.PostgreSql.Migrate;

/// <summary>
/// The PostgreSQL database (migrated) as the target of <c>migrate-storage</c>. Rows go in with ON CONFLICT DO NOTHING,
/// all tables in one transaction: a row already there (an earlier run) stays as it is and counts as not added. Rows go
/// many to a statement: one round trip per row made a 1,000-department week wait on the network 17,000 times.
/// </summary>
public sealed class PgCopyTarget(PgDatabase db) : ICopyTarget
{
    // PostgreSQL binds at most 65,535 parameters to a statement; a third of that keeps statements of a few hundred rows.
    private const int ParametersPerStatement = 20_000;

    public IReadOnlyList<CopyTable> Tables => PgCopyTables.All;

    public T InOneTransaction<T>(Func<ICopyWriter, T> work) => db.InTransaction(tx => work(new Writer(tx)));

    public IReadOnlyList<object?[]> Read(CopyTable table)
    {
        // JSON columns as text: the checksum re-spells them, whatever the type keeps.
        var select = string.Join(", ", table.ColumnNames.Select((c, i) => table.JsonColumns.ContainsKey(i) ? $"{c}::text" : c));
        return db.Query($"SELECT {select} FROM {table.Name}", r =>
        {
            var values = new object?[r.FieldCount];
            for (var i = 0; i < values.Length; i++) values[i] = r.IsDBNull(i) ? null : r.GetValue(i);
            return values;
        });
    }

    private sealed class Writer(PgSession tx) : ICopyWriter
    {
        public int Insert(CopyTable table, IReadOnlyList<object?[]> rows) =>
            rows.Chunk(Math.Max(1, ParametersPerStatement / table.ColumnNames.Count)).Sum(chunk => tx.Execute(Statement(table, chunk.Length), [.. chunk.SelectMany(r => r)]));

        private static string Statement(CopyTable table, int rows)
        {
            var width = table.ColumnNames.Count;
            var values = Enumerable.Range(0, rows).Select(r => "(" + string.Join(", ", table.ColumnNames.Select((_, i) =>
                table.JsonColumns.TryGetValue(i, out var type) ? $"${r * width + i + 1}::{type}" : $"${r * width + i + 1}")) + ")");
            return $"INSERT INTO {table.Name} ({table.Columns}) VALUES {string.Join(", ", values)} ON CONFLICT DO NOTHING";
        }
    }
}
