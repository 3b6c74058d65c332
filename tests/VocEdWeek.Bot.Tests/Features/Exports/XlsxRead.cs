using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace VocEdWeek.Bot.Tests.Features.Exports;

/// <summary>A cell read back with the SDK: its type (null = number), text, formula.</summary>
public sealed record ReadCell(string Ref, int Column, int Row, CellValues? Type, string Text, string? Formula, uint Style)
{
    public bool IsNumber => Type is null || Type == CellValues.Number;

    public double Number => double.Parse(Text, CultureInfo.InvariantCulture);
}

/// <summary>One worksheet of an export, read back with the Open XML SDK (the way a second program would).</summary>
public sealed class ReadSheet
{
    private readonly Dictionary<(int Column, int Row), ReadCell> _cells = [];

    public ReadSheet(string name, IEnumerable<ReadCell> cells, IEnumerable<string> merges, SheetView? view)
    {
        Name = name;
        foreach (var c in cells) _cells[(c.Column, c.Row)] = c;
        Merges = [.. merges];
        View = view;
    }

    public string Name { get; }

    public IReadOnlyList<string> Merges { get; }

    public SheetView? View { get; }

    public int LastRow => _cells.Keys.Max(k => k.Row);

    public ReadCell? this[int column, int row] => _cells.GetValueOrDefault((column, row));

    public string Text(int column, int row) => this[column, row]?.Text ?? "";

    public IEnumerable<ReadCell> Row(int row) => _cells.Values.Where(c => c.Row == row).OrderBy(c => c.Column);

    /// <summary>The row whose column <paramref name="column"/> reads <paramref name="text"/> (first match).</summary>
    public int FindRow(int column, string text) =>
        _cells.Values.Where(c => c.Column == column && c.Text == text).Select(c => c.Row).DefaultIfEmpty(-1).Min();

    public static IReadOnlyList<ReadSheet> Load(string path)
    {
        using var doc = SpreadsheetDocument.Open(path, false);
        var book = doc.WorkbookPart!;
        var result = new List<ReadSheet>();
        foreach (var sheet in book.Workbook.Sheets!.Elements<Sheet>())
        {
            var part = (WorksheetPart)book.GetPartById(sheet.Id!);
            var cells = part.Worksheet.Descendants<Cell>().Select(c =>
            {
                var (column, row) = Parse(c.CellReference!);
                var text = c.DataType?.Value == CellValues.InlineString ? c.InlineString?.InnerText ?? "" : c.CellValue?.Text ?? "";
                return new ReadCell(c.CellReference!, column, row, c.DataType?.Value, text, c.CellFormula?.Text, c.StyleIndex?.Value ?? 0);
            }).ToList();
            var merges = part.Worksheet.Descendants<MergeCell>().Select(m => m.Reference!.Value!);
            result.Add(new ReadSheet(sheet.Name!, cells, merges, part.Worksheet.Descendants<SheetView>().FirstOrDefault()));
        }
        return result;
    }

    /// <summary>Schema errors the SDK's validator finds (Office 2019 rules); empty when the file is valid.</summary>
    public static IReadOnlyList<string> Validate(string path)
    {
        using var doc = path.EndsWith(".docx", StringComparison.Ordinal)
            ? (OpenXmlPackage)WordprocessingDocument.Open(path, false)
            : SpreadsheetDocument.Open(path, false);
        return new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(doc)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
    }

    private static (int Column, int Row) Parse(string reference)
    {
        var column = 0;
        var i = 0;
        for (; i < reference.Length && char.IsLetter(reference[i]); i++) column = column * 26 + (reference[i] - 'A' + 1);
        return (column, int.Parse(reference[i..], CultureInfo.InvariantCulture));
    }
}
