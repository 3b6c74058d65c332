namespace VocEdWeek.Bot.Features.WeekSetup.RosterImport;

/// <summary>Cells by row and column while a sheet is read; bounded so a hostile file cannot make us allocate much.</summary>
internal sealed class SheetGrid
{
    public const int MaxRows = 2000;
    public const int MaxColumns = 64;
    private readonly SortedDictionary<int, Dictionary<int, string>> _rows = [];
    private bool _truncated;

    public void Set(int row, int column, string text)
    {
        if (text.Length == 0 || column < 0) return;
        if (row > MaxRows)
        {
            _truncated = true;
            return;
        }
        if (column >= MaxColumns) return;
        if (!_rows.TryGetValue(row, out var cells)) _rows[row] = cells = [];
        cells[column] = text;
    }

    /// <summary>Copies the top-left text of "A3:A4" into each cell of the range.</summary>
    public void Merge(string range)
    {
        var ends = range.Split(':');
        if (ends.Length != 2 || !CellAddress.TryParse(ends[0], out var r1, out var c1) || !CellAddress.TryParse(ends[1], out var r2, out var c2)) return;
        var text = Get(r1, c1);
        if (text.Length == 0) return;
        for (var r = r1; r <= Math.Min(r2, MaxRows); r++)
        {
            for (var c = c1; c <= Math.Min(c2, MaxColumns - 1); c++) Set(r, c, text);
        }
    }

    public RawTable ToTable()
    {
        var rows = _rows.Select(r =>
        {
            var width = r.Value.Keys.Max() + 1;
            var cells = Enumerable.Range(0, width).Select(c => r.Value.GetValueOrDefault(c, "")).ToList();
            return new RawRow(r.Key, cells);
        }).ToList();
        return new RawTable(rows, _truncated);
    }

    private string Get(int row, int column) =>
        _rows.TryGetValue(row, out var cells) ? cells.GetValueOrDefault(column, "") : "";
}
