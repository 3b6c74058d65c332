using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace VocEdWeek.Bot.Features.WeekSetup.RosterImport;

/// <summary>
/// Each visible worksheet of an .xlsx as text, in workbook order. A merged range's text is copied into every
/// cell it covers: a department merged over two rows belongs to both.
/// </summary>
internal static class XlsxTables
{
    // A liaison list's sheet is far below a million characters; a part that expands past this is a zip bomb.
    private static readonly OpenSettings Settings = new() { MaxCharactersInPart = 20_000_000 };

    public static IReadOnlyList<RawTable> Read(byte[] bytes)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes, writable: false), isEditable: false, Settings);
        var book = document.WorkbookPart ?? throw new InvalidDataException("No workbook part.");
        var shared = book.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(ItemText).ToList() ?? [];
        var tables = new List<RawTable>();
        foreach (var sheet in book.Workbook?.Sheets?.Elements<Sheet>() ?? [])
        {
            if (sheet.State is not null && sheet.State.Value != SheetStateValues.Visible) continue;
            if (sheet.Id?.Value is not { } id || book.GetPartById(id) is not WorksheetPart part || part.Worksheet is not { } worksheet) continue;
            tables.Add(Table(worksheet, shared));
        }
        return tables;
    }

    private static RawTable Table(Worksheet worksheet, List<string> shared)
    {
        var grid = new SheetGrid();
        var nextRow = 1;
        foreach (var row in worksheet.Descendants<Row>())
        {
            var number = (int)(row.RowIndex?.Value ?? (uint)nextRow);
            nextRow = number + 1;
            var nextColumn = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference?.Value is { } reference && CellAddress.TryParse(reference, out _, out var c) ? c : nextColumn;
                nextColumn = column + 1;
                grid.Set(number, column, CellText.Clean(Text(cell, shared)));
            }
        }
        foreach (var merge in worksheet.Descendants<MergeCell>())
        {
            if (merge.Reference?.Value is { } range) grid.Merge(range);
        }
        return grid.ToTable();
    }

    private static string Text(Cell cell, List<string> shared)
    {
        var value = cell.CellValue?.Text ?? "";
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString) return int.TryParse(value, out var i) && i >= 0 && i < shared.Count ? shared[i] : "";
        if (type == CellValues.InlineString) return cell.InlineString is { } inline ? ItemText(inline) : "";
        if (type == CellValues.Boolean) return value == "1" ? "TRUE" : "FALSE";
        if (type == CellValues.Error) return "";
        if (type == CellValues.String || type == CellValues.Date) return value;
        return CellText.Number(value);
    }

    // Plain text or rich-text runs; phonetic guides (rPh) are readings, not the cell's text.
    private static string ItemText(RstType item) =>
        item.Text?.Text ?? string.Concat(item.Elements<Run>().Select(r => r.Text?.Text));
}
