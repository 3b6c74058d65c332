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
    private readonly OpenXmlWriter _w;
    private int _column;
    private bool _inRow;

    public SheetWriter(OpenXmlWriter writer, SheetLayout layout)
    {
        _w = writer;
        _w.WriteStartElement(new Worksheet());
        _w.WriteElement(new SheetProperties(new PageSetupProperties { FitToPage = true }));
        _w.WriteElement(new SheetViews(View(layout)));
        _w.WriteElement(new SheetFormatProperties { DefaultRowHeight = 16.5 });
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

    public void BeginRow(double? height = null)
    {
        if (_inRow) EndRow();
        Row++;
        _column = 0;
        _inRow = true;
        var row = new Row { RowIndex = (uint)Row };
        if (height is { } h) { row.Height = h; row.CustomHeight = true; }
        _w.WriteStartElement(row);
    }

    public void EndRow()
    {
        if (!_inRow) return;
        _w.WriteEndElement();
        _inRow = false;
    }

    public void Text(string? text, SheetStyle style = SheetStyle.Text)
    {
        var clean = XmlText.Clean(text, MaxCellText);
        if (clean.Length == 0) { Empty(style); return; }
        _w.WriteStartElement(Cell(style, CellValues.InlineString));
        var t = new Text(clean);
        if (clean != clean.Trim() || clean.Contains('\n')) t.Space = SpaceProcessingModeValues.Preserve;
        _w.WriteElement(new InlineString(t));
        _w.WriteEndElement();
    }

    /// <summary>A numeric cell; null leaves it empty (styled) — not submitted is not zero.</summary>
    public void Number(double? value, SheetStyle style = SheetStyle.Integer)
    {
        if (value is not { } v) { Empty(style); return; }
        _w.WriteStartElement(Cell(style, null));
        _w.WriteElement(new CellValue(v.ToString("R", CultureInfo.InvariantCulture)));
        _w.WriteEndElement();
    }

    /// <summary>A local date/time (already in the week's zone) as a serial number; the style's format shows it.</summary>
    public void Date(DateTime? local, SheetStyle style = SheetStyle.DateTime) =>
        Number(local?.ToOADate(), style);

    /// <summary>A formula with the value it has now, so readers that do not calculate still show the number.</summary>
    public void Formula(string formula, double value, SheetStyle style = SheetStyle.TotalInteger)
    {
        _w.WriteStartElement(Cell(style, null));
        _w.WriteElement(new CellFormula(formula));
        _w.WriteElement(new CellValue(value.ToString("R", CultureInfo.InvariantCulture)));
        _w.WriteEndElement();
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
        _w.WriteStartElement(Cell(style, CellValues.String));
        _w.WriteElement(new CellFormula($"HYPERLINK(\"{quoted}\",\"{quoted}\")"));
        _w.WriteElement(new CellValue(clean));
        _w.WriteEndElement();
    }

    public void Empty(SheetStyle style)
    {
        _column++;
        if (style == SheetStyle.Default) return;
        _w.WriteElement(new Cell { CellReference = CellRef.Of(_column, Row), StyleIndex = (uint)style });
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
        return cell;
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
