using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace VocEdWeek.Bot.Tests.Features.WeekSetup.RosterImport;

/// <summary>A number cell as Excel stores it (the raw value text, e.g. "1.3800000002E10").</summary>
public sealed record Num(string Raw);

/// <summary>One worksheet of a fixture: rows of cells from column A (string, <see cref="Num"/> or null), merged ranges.</summary>
public sealed record SheetRecipe(string Name, IReadOnlyList<(int Row, object?[] Cells)> Rows, IReadOnlyList<string> Merges);

/// <summary>
/// How a fixture workbook is made, written with the Open XML SDK the way Excel stores such files: shared strings
/// (or inline strings, as other tools write them), numbers, merged ranges.
/// </summary>
public sealed record XlsxRecipe(string FileName, bool SharedStrings, IReadOnlyList<SheetRecipe> Sheets)
{
    public byte[] Build()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var book = document.AddWorkbookPart();
            var strings = new List<string>();
            var sheets = new Sheets();
            for (var i = 0; i < Sheets.Count; i++)
            {
                var part = book.AddNewPart<WorksheetPart>();
                part.Worksheet = Worksheet(Sheets[i], strings);
                sheets.Append(new Sheet { Name = Sheets[i].Name, SheetId = (uint)i + 1, Id = book.GetIdOfPart(part) });
            }
            if (SharedStrings)
                book.AddNewPart<SharedStringTablePart>().SharedStringTable = new SharedStringTable(strings.Select(s => new SharedStringItem(new Text(s) { Space = SpaceProcessingModeValues.Preserve })));
            book.Workbook = new Workbook(sheets);
        }
        return stream.ToArray();
    }

    /// <summary>Every recipe cell's stored text (shared, inline or number), by sheet name and reference.</summary>
    public IEnumerable<(string Sheet, string Reference, string Stored)> Cells() =>
        from sheet in Sheets
        from row in sheet.Rows
        from c in row.Cells.Select((cell, i) => (cell, i))
        where c.cell is not null
        select (sheet.Name, Reference(c.i, row.Row), c.cell is Num n ? n.Raw : (string)c.cell);

    private Worksheet Worksheet(SheetRecipe recipe, List<string> strings)
    {
        var data = new SheetData();
        foreach (var (number, cells) in recipe.Rows)
        {
            var row = new Row { RowIndex = (uint)number };
            for (var i = 0; i < cells.Length; i++)
            {
                if (cells[i] is { } value) row.Append(Cell(value, Reference(i, number), strings));
            }
            data.Append(row);
        }
        var sheet = new Worksheet(data);
        if (recipe.Merges.Count > 0) sheet.Append(new MergeCells(recipe.Merges.Select(m => new MergeCell { Reference = m })) { Count = (uint)recipe.Merges.Count });
        return sheet;
    }

    private Cell Cell(object value, string reference, List<string> strings)
    {
        if (value is Num n) return new Cell { CellReference = reference, CellValue = new CellValue(n.Raw) };
        var text = (string)value;
        if (!SharedStrings) return new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }) };
        var index = strings.IndexOf(text);
        if (index < 0)
        {
            strings.Add(text);
            index = strings.Count - 1;
        }
        return new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(index.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
    }

    public static string Reference(int column, int row) => $"{(char)('A' + column)}{row}";
}
