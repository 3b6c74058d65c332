namespace VocEdWeek.Bot.Features.WeekSetup.RosterImport;

/// <summary>
/// Finds the header row among the first ten (title rows and merged title cells come first in real lists) and
/// names its columns from the words Chinese and English lists use.
/// </summary>
internal static class RosterHeader
{
    public const int SearchRows = 10;

    // A title such as "2024年各学院联络员名单" contains column words too; real header cells are short.
    private const int LongestHeaderCell = 16;

    private static readonly (ColumnKind Kind, string[] Words)[] Exact =
    [
        (ColumnKind.Numbering, ["序号", "编号", "no", "no.", "#", "number"]),
        (ColumnKind.Department, ["部门", "单位", "学院", "二级学院", "系部", "部门名称", "单位名称", "学院名称", "department", "dept", "dept.", "departmentname", "school"]),
        (ColumnKind.Name, ["联络员", "姓名", "负责人", "联系人", "name", "liaison", "contact", "liaisons"]),
        (ColumnKind.Phone, ["手机", "电话", "联系电话", "手机号", "手机号码", "phone", "mobile", "tel", "tel.", "telephone"]),
        (ColumnKind.Email, ["邮箱", "电子邮箱", "e-mail", "email", "mail", "邮件", "电子邮件"]),
        (ColumnKind.Role, ["ab角", "备份", "备注", "职务", "角色", "role", "backup", "a/b角"]),
    ];

    // When no exact word fits, the first kind whose word the cell contains: e-mail before phone before name
    // ("联系人手机" is a phone), and a person before a department ("部门联络员" is a person).
    private static readonly (ColumnKind Kind, string[] Words)[] Contained =
    [
        (ColumnKind.Email, ["邮箱", "邮件", "mail"]),
        (ColumnKind.Phone, ["手机", "电话", "phone", "mobile"]),
        (ColumnKind.Role, ["ab角", "角色", "职务", "role"]),
        (ColumnKind.Name, ["联络员", "姓名", "负责人", "联系人", "liaison", "contact"]),
        (ColumnKind.Department, ["部门", "单位", "学院", "系部", "department"]),
        (ColumnKind.Name, ["name"]),
    ];

    /// <summary>The header row and its columns, or null when no row of the first ten names a department and a person.</summary>
    public static (RawRow Row, RosterColumns Columns)? Find(RawTable table)
    {
        foreach (var row in table.Rows.Where(r => r.Number <= SearchRows))
        {
            if (Columns(row) is { } columns) return (row, columns);
        }
        return null;
    }

    public static ColumnKind Classify(string cell)
    {
        var key = CellText.Key(cell);
        // "填报单位：教务处" and "联系人：吴苏玲" above the table are a label with its value, not a column name.
        if (key.Length == 0 || key.Length > LongestHeaderCell || key.Contains(':', StringComparison.Ordinal)) return ColumnKind.None;
        foreach (var (kind, words) in Exact)
        {
            if (words.Contains(key)) return kind;
        }
        foreach (var (kind, words) in Contained)
        {
            if (words.Any(w => key.Contains(w, StringComparison.Ordinal))) return kind;
        }
        return ColumnKind.None;
    }

    private static RosterColumns? Columns(RawRow row)
    {
        var found = new Dictionary<ColumnKind, int>();
        for (var c = 0; c < row.Cells.Count; c++)
        {
            var kind = Classify(row.Cells[c]);
            // The first column of a kind wins ("手机" then "办公电话": the mobile is the one to keep).
            if (kind != ColumnKind.None) found.TryAdd(kind, c);
        }
        if (!found.ContainsKey(ColumnKind.Department) || !found.ContainsKey(ColumnKind.Name)) return null;
        int At(ColumnKind k) => found.TryGetValue(k, out var c) ? c : -1;
        return new RosterColumns(At(ColumnKind.Numbering), At(ColumnKind.Department), At(ColumnKind.Name), At(ColumnKind.Phone), At(ColumnKind.Email), At(ColumnKind.Role));
    }
}
