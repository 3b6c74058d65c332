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
        // One table's rows in memory at a time, summed as they are written: a 1,000-department week held whole (every
        // table's records, rows and both sides' checksum lines at once) took a quarter of a gigabyte.
        var copied = target.InOneTransaction(writer => tables.Select(table =>
        {
            IReadOnlyList<object?[]> rows = present.Contains(table.Name) ? table.Rows(source).ToList() : [];
            return (Added: writer.Insert(table, rows), Sum: RowChecksum.Of(table, rows), Records: source.Count(table.Name));
        }).ToList());
        // Said once the transaction committed: a copy that failed half-way added nothing.
        for (var i = 0; i < tables.Count; i++)
        {
            var (added, sum, _) = copied[i];
            output.WriteLine($"copy    {tables[i].Name,-24} {sum.Count,7} records, {added,7} added, {sum.Count - added,7} already there");
        }
        var total = copied.Sum(c => c.Added);
        output.WriteLine(total == 0 ? "Nothing new to copy: PostgreSQL already held every record." : $"Copied {total} records.");

        var differing = new List<string>();
        for (var i = 0; i < tables.Count; i++)
        {
            var (_, from, records) = copied[i];
            var to = RowChecksum.Of(tables[i], target.Read(tables[i]));
            // Each record is one row: fewer rows than the collection holds records is a copy that left some behind.
            var same = from == to && records == from.Count;
            if (!same) differing.Add(tables[i].Name);
            output.WriteLine(same
                ? $"verify  {tables[i].Name,-24} {to.Count,7} rows  sha256 {to.Sha256[..16]}  OK"
                : $"verify  {tables[i].Name,-24} DIFFERS: LiteDB {records} records, {from.Count} rows sha256 {from.Sha256[..16]}, PostgreSQL {to.Count} rows sha256 {to.Sha256[..16]}");
        }
        output.WriteLine(differing.Count == 0
            ? $"Verified: all {tables.Count} collections hold the same records in PostgreSQL as in LiteDB."
            : $"NOT verified: {string.Join(", ", differing)} differ between LiteDB and PostgreSQL.");
        return differing.Count == 0;
    }
}
