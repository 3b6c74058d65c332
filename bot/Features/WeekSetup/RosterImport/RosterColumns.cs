namespace VocEdWeek.Bot.Features.WeekSetup.RosterImport;

/// <summary>Where each recognized column is (0-based; -1 when the list has no such column).</summary>
internal sealed record RosterColumns(int Numbering, int Department, int Name, int Phone, int Email, int Role);

internal enum ColumnKind
{
    None,
    Numbering,
    Department,
    Name,
    Phone,
    Email,
    Role,
}
