using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using VocEdWeek.Bot.Features.Exports;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Tests.Features.Exports;

/// <summary>What every export must hold, checked on the files read back.</summary>
public static class ExportChecks
{
    /// <summary>Statistics sheet: header in rows 1–4, departments from row 5, fields in columns 3–13.</summary>
    public const int StatsFirstRow = 5;
    public const int StatsFirstField = 3;
    public const int StatsFields = 11;

    public static void AllValid(IReadOnlyDictionary<ExportKind, string> files)
    {
        Assert.Equal(5, files.Count);
        foreach (var (kind, path) in files) Assert.True(ReadSheet.Validate(path) is { Count: 0 } errors, $"{kind}: {string.Join("\n", ReadSheet.Validate(path).Take(5))}");
    }

    /// <summary>
    /// The total row (column A "合计"/"Total") holds, in each of <paramref name="columns"/>, a numeric SUM formula whose value
    /// is the sum of the numeric cells above it from <paramref name="firstRow"/>; the cells above are numbers or empty.
    /// </summary>
    public static int TotalsAreSums(ReadSheet sheet, int firstRow, IEnumerable<int> columns, string totalLabel = "合计")
    {
        var totalRow = sheet.FindRow(1, totalLabel);
        if (totalRow < 0) totalRow = Enumerable.Range(firstRow, sheet.LastRow).First(r => sheet.Text(1, r).StartsWith(totalLabel, StringComparison.Ordinal));
        foreach (var column in columns)
        {
            var total = sheet[column, totalRow];
            Assert.NotNull(total);
            Assert.True(total.IsNumber, $"{sheet.Name} {total.Ref} is not a number cell");
            double sum = 0;
            for (var row = firstRow; row < totalRow; row++)
            {
                if (sheet[column, row] is not { Text.Length: > 0 } cell) continue;
                Assert.True(cell.IsNumber && cell.Formula is null, $"{sheet.Name} {cell.Ref} '{cell.Text}' should be a plain number");
                sum += cell.Number;
            }
            Assert.Equal(sum, total.Number, 6);
            if (totalRow > firstRow) Assert.StartsWith("SUM(", total.Formula);
        }
        return totalRow;
    }

    /// <summary>Column B of the rows from <paramref name="firstRow"/> lists the week's departments in order.</summary>
    public static void ListsEveryDepartment(ReadSheet sheet, ActiveWeek week, int firstRow)
    {
        var names = week.Definition.Departments.Select(d => d.Name).ToList();
        Assert.Equal(names, Enumerable.Range(firstRow, names.Count).Select(r => sheet.Text(2, r)).ToList());
        Assert.Equal(Enumerable.Range(1, names.Count).Select(n => (double)n), Enumerable.Range(firstRow, names.Count).Select(r => sheet[1, r]!.Number));
    }

    /// <summary>The docx's Heading 1 paragraphs, and that Heading 1/2 are real outline-level styles.</summary>
    public static IReadOnlyList<string> Headings(string docx, int level)
    {
        using var doc = WordprocessingDocument.Open(docx, false);
        var styles = doc.MainDocumentPart!.StyleDefinitionsPart!.Styles!;
        var style = styles.Elements<Style>().Single(s => s.StyleId == $"Heading{level}");
        Assert.Equal($"heading {level}", style.StyleName!.Val!.Value);
        Assert.Equal(level - 1, style.StyleParagraphProperties!.OutlineLevel!.Val!.Value);
        return doc.MainDocumentPart.Document.Body!.Elements<Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == $"Heading{level}")
            .Select(p => p.InnerText).ToList();
    }

    public static string DocxText(string docx)
    {
        using var doc = WordprocessingDocument.Open(docx, false);
        return string.Join("\n", doc.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Select(p => p.InnerText));
    }

    /// <summary>The register's status cell of a department and day (grid sheet: two columns per day from column 3).</summary>
    public static string RegisterStatus(ReadSheet grid, string department, int dayIndex) =>
        grid.Text(4 + dayIndex * 2, grid.FindRow(2, department));

    /// <summary>Every PDF holds the export's Chinese title and a department name: LibreOffice read it and the CJK text survived.</summary>
    public static void RendersChinese(ExportScenario s, string department)
    {
        Assert.Equal(5, s.Pdfs.Count);
        string[] titles = ["情况统计表", "方案与信息采集表汇总", "日报登记表", "媒体素材清单", "总结汇编"];
        foreach (var (kind, pdf) in s.Pdfs)
        {
            var text = LibreOffice.PdfText(pdf);
            Assert.Contains(titles[(int)kind], text);
            Assert.Contains("2024年职业教育活动周", text);
            if (kind != ExportKind.MediaIndex || s.Name != "empty-week") Assert.Contains(department, text);
            Assert.True(LibreOffice.PdfPages(pdf) >= 1);
            Assert.NotEmpty(Directory.GetFiles(Path.GetDirectoryName(pdf)!, Path.GetFileNameWithoutExtension(pdf) + "-*.png"));
        }
    }
}
