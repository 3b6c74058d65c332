namespace VocEdWeek.Bot.Storage.Migrate;

/// <summary>
/// One collection as rows of the table of the same name: its columns, which of them hold JSON (and of what SQL type),
/// how a row's key is read from its values, and the source's records as rows (each an array in column order).
/// </summary>
public sealed record CopyTable(
    string Name,
    string Columns,
    IReadOnlyDictionary<int, string> JsonColumns,
    Func<object?[], string> KeyOf,
    Func<IRecordSource, IEnumerable<object?[]>> Rows)
{
    public IReadOnlyList<string> ColumnNames { get; } = Columns.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public static CopyTable ById(string name, string columns, Func<IRecordSource, IEnumerable<object?[]>> rows, IReadOnlyDictionary<int, string>? json = null) =>
        new(name, columns, json ?? new Dictionary<int, string>(), v => (string)v[0]!, rows);
}
