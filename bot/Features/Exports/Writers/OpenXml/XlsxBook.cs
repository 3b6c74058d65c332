using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace VocEdWeek.Bot.Features.Exports.Writers.OpenXml;

/// <summary>
/// A workbook written straight to its output: workbook and styles first, then each sheet in order through
/// <see cref="Sheet"/>. Frozen header rows are also the rows printed on every page.
/// </summary>
public sealed class XlsxBook : IDisposable
{
    private const string Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
    private const string Workbook = "xl/workbook.xml";
    private readonly StreamingPackage _package;
    private readonly IReadOnlyList<SheetLayout> _sheets;
    private int _next;

    public XlsxBook(Stream output, string title, DateTimeOffset created, string fontName, IReadOnlyList<SheetLayout> sheets)
    {
        _sheets = sheets;
        var parts = new List<PackagePart>
        {
            new(Workbook, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "", "rId1", Rel + "officeDocument"),
            new("xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml", Workbook, "rIdStyles", Rel + "styles"),
        };
        parts.AddRange(sheets.Select((_, i) => new PackagePart(SheetPath(i), "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml", Workbook, $"rIdSheet{i + 1}", Rel + "worksheet")));
        _package = new StreamingPackage(output, parts, title, created);
        _package.Write(Workbook, w => w.WriteElement(BuildWorkbook(sheets)));
        _package.Write("xl/styles.xml", w => w.WriteElement(SheetStyles.Build(fontName)));
    }

    /// <summary>Writes the next sheet; <paramref name="write"/> fills it and returns the merged ranges and the footer.</summary>
    public void Sheet(Action<SheetWriter> write, Func<IEnumerable<string>> merges, string footer)
    {
        var index = _next++;
        _package.Write(SheetPath(index), w =>
        {
            var sheet = new SheetWriter(w, _sheets[index]);
            write(sheet);
            sheet.End(merges(), footer);
        });
    }

    public void Dispose() => _package.Dispose();

    private static string SheetPath(int index) => $"xl/worksheets/sheet{index + 1}.xml";

    private static DocumentFormat.OpenXml.Spreadsheet.Workbook BuildWorkbook(IReadOnlyList<SheetLayout> sheets)
    {
        var list = new Sheets(sheets.Select((s, i) => new Sheet { Name = s.SafeName, SheetId = (uint)i + 1, Id = $"rIdSheet{i + 1}" }));
        var names = new DefinedNames(sheets.Select((s, i) => (s, i)).Where(x => x.s.FrozenRows > 0).Select(x => new DefinedName
        {
            Name = "_xlnm.Print_Titles",
            LocalSheetId = (uint)x.i,
            Text = $"'{x.s.SafeName.Replace("'", "''", StringComparison.Ordinal)}'!$1:${x.s.FrozenRows}",
        }));
        var book = new DocumentFormat.OpenXml.Spreadsheet.Workbook(
            new BookViews(new WorkbookView { ActiveTab = 0 }),
            list);
        if (names.HasChildren) book.Append(names);
        // Totals are formulas with their values written; Excel recalculates them on open anyway.
        book.Append(new CalculationProperties { FullCalculationOnLoad = true });
        return book;
    }
}
