namespace VocEdWeek.Bot.Storage.Migrate;

/// <summary>
/// Copies every collection of <see cref="IRecordSource"/> into <see cref="ICopyTarget"/> and then compares both, table by
/// table (<see cref="RowChecksum"/>). A collection the target does not know stops it before anything is written: a
/// copy that leaves records behind would look complete. Rows already in the target are kept, so a second run adds nothing.
/// </summary>
public static class StorageMigration
{
    /// <summary>Prints what it did, one line per table; true when every table holds the same rows on both sides.</summary>
    public static bool Run(IRecordSource source, ICopyTarget target, TextWriter output)
    {
        var tables = target.Tables;
        var unknown = source.Collections.Where(c => tables.All(t => t.Name != c)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
            throw new MigrationException($"The LiteDB file holds collections this version cannot copy: {string.Join(", ", unknown)}. Nothing was copied.");

        var present = source.Collections.ToHashSet(StringComparer.Ordinal);
        var rows = tables.Select(t => (IReadOnlyList<object?[]>)(present.Contains(t.Name) ? t.Rows(source).ToList() : [])).ToList();
        var added = target.InsertAll(rows);
        for (var i = 0; i < tables.Count; i++)
            output.WriteLine($"copy    {tables[i].Name,-24} {rows[i].Count,7} records, {added[i],7} added, {rows[i].Count - added[i],7} already there");
        output.WriteLine(added.Sum() == 0 ? "Nothing new to copy: PostgreSQL already held every record." : $"Copied {added.Sum()} records.");

        var differing = new List<string>();
        for (var i = 0; i < tables.Count; i++)
        {
            var from = RowChecksum.Of(tables[i], rows[i]);
            var to = RowChecksum.Of(tables[i], target.Read(tables[i]));
            var same = from == to;
            if (!same) differing.Add(tables[i].Name);
            output.WriteLine(same
                ? $"verify  {tables[i].Name,-24} {to.Count,7} rows  sha256 {to.Sha256[..16]}  OK"
                : $"verify  {tables[i].Name,-24} DIFFERS: LiteDB {from.Count} rows sha256 {from.Sha256[..16]}, PostgreSQL {to.Count} rows sha256 {to.Sha256[..16]}");
        }
        output.WriteLine(differing.Count == 0
            ? $"Verified: all {tables.Count} collections hold the same records in PostgreSQL as in LiteDB."
            : $"NOT verified: {string.Join(", ", differing)} differ between LiteDB and PostgreSQL.");
        return differing.Count == 0;
    }
}
