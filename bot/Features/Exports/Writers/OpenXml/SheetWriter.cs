using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace VocEdWeek.Bot.Features.Exports.Writers.OpenXml;

/// <summary>
/// Writes one worksheet row by row through an <see cref="OpenXmlWriter"/> (SAX): nothing of the sheet is kept but
/// the current position. Numbers are numeric cells, dates are serial numbers with a date format, text is inline.
/// </summary>
public sealed class SheetWriter
{
    /// <summary>Excel's limit for the text of one cell.</summary>
    public const int MaxCellText = 32_767;
    private const double LineHeight = 14.5;
    private readonly OpenXmlWriter _w;
    private readonly SheetLayout _layout;
    // The current row's cells: a row's height must be written before its cells, and viewers (LibreOffice) do not fit
    // rows to wrapped text themselves, so each row is held until it ends and sized from its longest text.
    private readonly List<Cell> _cells = [];
    private double? _height;
    private int _lines;
    private int _column;
    private bool _inRow;

    public SheetWriter(OpenXmlWriter writer, SheetLayout layout)
    {
        _w = writer;
        _layout = layout;
        _w.WriteStartElement(new Worksheet());
        _w.WriteElement(new SheetProperties(new PageSetupProperties { FitToPage = true }));
        _w.WriteElement(new SheetViews(View(layout)));
        var columns = new Columns();
        for (var i = 0; i < layout.Widths.Count; i++)
        {
            columns.Append(new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = layout.Widths[i], CustomWidth = true });
        }
        _w.WriteElement(columns);
        _w.WriteStartElement(new SheetData());
    }

    /// <summary>The row being written (1-based), or the last one written.</summary>
    public int Row { get; private set; }

    /// <summary>The column the next cell goes to (1-based).</summary>
    public int NextColumn => _column + 1;

    /// <summary>Starts a row; without a height it is sized to fit its wrapped text.</summary>
    public void BeginRow(double? height = null)
    {
        if (_inRow) EndRow();
        Row++;
        _column = 0;
        _inRow = true;
        _height = height;
        _lines = 1;
    }

    public void EndRow()
    {
        if (!_inRow) return;
        var row = new Row { RowIndex = (uint)Row, Height = Math.Min(409, _height ?? _lines * LineHeight + 4), CustomHeight = true };
        _w.WriteStartElement(row);
        foreach (var cell in _cells) _w.WriteElement(cell);
        _w.WriteEndElement();
        _cells.Clear();
        _inRow = false;
    }

    public void Text(string? text, SheetStyle style = SheetStyle.Text)
    {
        var clean = XmlText.Clean(text, MaxCellText);
        if (clean.Length == 0) { Empty(style); return; }
        var cell = Cell(style, CellValues.InlineString);
        var t = new Text(clean);
        if (clean != clean.Trim() || clean.Contains('\n')) t.Space = SpaceProcessingModeValues.Preserve;
        cell.Append(new InlineString(t));
        Fit(clean, style);
    }

    /// <summary>A numeric cell; null leaves it empty (styled) — not submitted is not zero.</summary>
    public void Number(double? value, SheetStyle style = SheetStyle.Integer)
    {
        if (value is not { } v) { Empty(style); return; }
        Cell(style, null).Append(new CellValue(v.ToString("R", CultureInfo.InvariantCulture)));
    }

    /// <summary>A local date/time (already in the week's zone) as a serial number; the style's format shows it.</summary>
    public void Date(DateTime? local, SheetStyle style = SheetStyle.DateTime) =>
        Number(local?.ToOADate(), style);

    /// <summary>A formula with the value it has now, so readers that do not calculate still show the number.</summary>
    public void Formula(string formula, double value, SheetStyle style = SheetStyle.TotalInteger)
    {
        Cell(style, null).Append(new CellFormula(formula), new CellValue(value.ToString("R", CultureInfo.InvariantCulture)));
    }

    /// <summary>A clickable address (HYPERLINK formula: no relationship per link); long or odd addresses stay plain text.</summary>
    public void Link(string url, SheetStyle style = SheetStyle.Link)
    {
        // Excel limits a text inside a formula to 255 characters.
        var clean = XmlText.Clean(url);
        if (clean.Length > 250 || !Uri.TryCreate(clean, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            Text(clean, SheetStyle.Text);
            return;
        }
        var quoted = clean.Replace("\"", "\"\"", StringComparison.Ordinal);
        Cell(style, CellValues.String).Append(new CellFormula($"HYPERLINK(\"{quoted}\",\"{quoted}\")"), new CellValue(clean));
        Fit(clean, style);
    }

    public void Empty(SheetStyle style)
    {
        if (style == SheetStyle.Default) { _column++; return; }
        Cell(style, null);
    }

    /// <summary>Ends the sheet: merged ranges, margins, landscape A4 fitted to the width, page numbers in the footer.</summary>
    public void End(IEnumerable<string> merges, string footer)
    {
        EndRow();
        _w.WriteEndElement(); // sheetData
        var merged = new MergeCells(merges.Select(m => new MergeCell { Reference = m }));
        if (merged.HasChildren) _w.WriteElement(merged);
        _w.WriteElement(new PrintOptions { HorizontalCentered = true });
        _w.WriteElement(new PageMargins { Left = 0.4, Right = 0.4, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 });
        _w.WriteElement(new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 });
        _w.WriteElement(new HeaderFooter(new OddFooter(XmlText.Clean(footer))));
        _w.WriteEndElement(); // worksheet
    }

    private Cell Cell(SheetStyle style, CellValues? type)
    {
        _column++;
        var cell = new Cell { CellReference = CellRef.Of(_column, Row), StyleIndex = (uint)style };
        if (type is { } t) cell.DataType = t;
        _cells.Add(cell);
        return cell;
    }

    /// <summary>How many lines a wrapped text takes in its column (Chinese characters are about two widths of a digit).</summary>
    private void Fit(string text, SheetStyle style)
    {
        if (style is SheetStyle.Title or SheetStyle.Subtitle or SheetStyle.Note) return;
        var width = Math.Max(1, (_column <= _layout.Widths.Count ? _layout.Widths[_column - 1] : 8.43) - 1);
        var lines = 0;
        foreach (var line in text.Split('\n'))
        {
            var units = line.Sum(c => c > 0x2E80 ? 2.0 : 1.1);
            lines += Math.Max(1, (int)Math.Ceiling(units / width));
        }
        _lines = Math.Max(_lines, Math.Min(lines, 27));
    }

    private static SheetView View(SheetLayout layout)
    {
        var view = new SheetView { WorkbookViewId = 0 };
        if (layout.FrozenRows == 0 && layout.FrozenColumns == 0) return view;
        var topLeft = CellRef.Of(layout.FrozenColumns + 1, layout.FrozenRows + 1);
        var pane = layout.FrozenColumns > 0
            ? layout.FrozenRows > 0 ? PaneValues.BottomRight : PaneValues.TopRight
            : PaneValues.BottomLeft;
        var p = new Pane { TopLeftCell = topLeft, ActivePane = pane, State = PaneStateValues.Frozen };
        if (layout.FrozenColumns > 0) p.HorizontalSplit = layout.FrozenColumns;
        if (layout.FrozenRows > 0) p.VerticalSplit = layout.FrozenRows;
        view.Append(p, new Selection { Pane = pane, ActiveCell = topLeft, SequenceOfReferences = new ListValue<StringValue>([new StringValue(topLeft)]) });
        return view;
    }
}
