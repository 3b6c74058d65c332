namespace VocEdWeek.Bot.Features.WeekSetup.RosterImport;

/// <summary>
/// One sheet's text before any meaning is given to it; rows carry the number the office sees.
/// <see cref="Truncated"/>: the sheet went on past what a liaison list can hold and was not read to the end.
/// </summary>
internal sealed record RawTable(IReadOnlyList<RawRow> Rows, bool Truncated = false);

/// <summary>A row's cells (already cleaned; missing cells are empty strings).</summary>
internal sealed record RawRow(int Number, IReadOnlyList<string> Cells)
{
    public string this[int column] => column >= 0 && column < Cells.Count ? Cells[column] : "";

    public bool IsEmpty => Cells.All(c => c.Length == 0);
}
