using VocEdWeek.Bot.Storage.Migrate;

namespace VocEdWeek.Bot.Storage.PostgreSql.Migrate;

/// <summary>
/// The PostgreSQL database (migrated) as the target of <c>migrate-storage</c>. Rows go in with ON CONFLICT DO NOTHING,
/// all tables in one transaction: a row already there (an earlier run) stays as it is and counts as not added.
/// </summary>
public sealed class PgCopyTarget(PgDatabase db) : ICopyTarget
{
    public IReadOnlyList<CopyTable> Tables => PgCopyTables.All;

    public IReadOnlyList<int> InsertAll(IReadOnlyList<IReadOnlyList<object?[]>> rows) => db.InTransaction(tx =>
        Tables.Select((table, i) => rows[i].Sum(row => tx.Execute(Insert(table), row))).ToList());

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

    private static string Insert(CopyTable table)
    {
        var parameters = table.ColumnNames.Select((_, i) => table.JsonColumns.TryGetValue(i, out var type) ? $"${i + 1}::{type}" : $"${i + 1}");
        return $"INSERT INTO {table.Name} ({table.Columns}) VALUES ({string.Join(", ", parameters)}) ON CONFLICT DO NOTHING";
    }
}
