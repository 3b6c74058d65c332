namespace VocEdWeek.Bot.Features.WeekSetup.RosterImport;

/// <summary>
/// Gives meaning to a sheet's rows below its header: departments (an empty or merged department cell continues
/// the one above), their people, and a problem for everything that cannot be imported.
/// </summary>
internal static class RosterRows
{
    private static readonly string[] ExampleMarks = ["示例", "例:", "样例", "example", "e.g."];

    public static RosterRead Parse(RawTable table)
    {
        if (RosterHeader.Find(table) is not { } found) return RosterRead.Fail(RosterRead.NoHeader);
        var (header, columns) = found;
        if (columns.Email < 0) return RosterRead.Fail(RosterRead.NoEmailColumn);
        var people = new RosterPeople();
        DepartmentDraft? current = null;
        var anyRow = false;
        foreach (var row in table.Rows.Where(r => r.Number > header.Number))
        {
            if (Skipped(row, columns)) continue;
            anyRow = true;
            var department = row[columns.Department];
            if (department.Length > 0) current = people.Department(department, row.Number);
            people.AddRow(current, row, columns);
        }
        if (!anyRow) return RosterRead.Fail(RosterRead.NoRows);
        return RosterRead.Ok(people.Build(header.Number));
    }

    private static bool Skipped(RawRow row, RosterColumns columns)
    {
        int[] meaningful = [columns.Department, columns.Name, columns.Phone, columns.Email, columns.Role];
        if (meaningful.All(c => row[c].Length == 0)) return true;
        if (IsExample(row[columns.Numbering]) || IsExample(row[columns.Department])) return true;
        // The header again (printed lists repeat it on every page), or a note such as "注：请于5月10日前报送".
        if (RosterHeader.Classify(row[columns.Department]) == ColumnKind.Department && RosterHeader.Classify(row[columns.Name]) == ColumnKind.Name) return true;
        if (IsNote(row[columns.Department]) && row[columns.Name].Length == 0 && row[columns.Email].Length == 0) return true;
        // A note or a second title merged across the whole row repeats one text in every cell.
        var filled = row.Cells.Where(c => c.Length > 0).ToList();
        return filled.Count >= 2 && filled.Distinct(StringComparer.Ordinal).Count() == 1;
    }

    private static bool IsNote(string cell)
    {
        var key = CellText.Key(cell);
        return key.StartsWith("注:", StringComparison.Ordinal) || key.StartsWith("备注:", StringComparison.Ordinal) || key.StartsWith("说明", StringComparison.Ordinal)
            || key.StartsWith("填表说明", StringComparison.Ordinal) || key.StartsWith("note", StringComparison.Ordinal);
    }

    private static bool IsExample(string cell)
    {
        var key = CellText.Key(cell);
        return ExampleMarks.Any(m => key.StartsWith(m, StringComparison.Ordinal)) || key.StartsWith("(示例", StringComparison.Ordinal);
    }
}
