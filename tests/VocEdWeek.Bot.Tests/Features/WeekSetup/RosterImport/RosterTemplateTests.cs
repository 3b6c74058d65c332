using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using VocEdWeek.Bot.Features.WeekSetup.RosterImport;

namespace VocEdWeek.Bot.Tests.Features.WeekSetup.RosterImport;

/// <summary>The blank template: laid out for the office, and read back by the importer with its example row skipped.</summary>
public sealed class RosterTemplateTests
{
    [Fact]
    public void The_blank_template_reads_back_as_a_header_with_only_its_example_row_skipped() =>
        Assert.Equal(RosterRead.NoRows, RosterFile.Read(RosterTemplate.Build(), "联络员名单模板.xlsx").FailureKey);

    [Fact]
    public void A_filled_template_with_the_example_row_left_in_imports_only_the_office_rows()
    {
        var bytes = Fill(RosterTemplate.Build(),
            (4, ["1", "机电工程学院", "张伟", "13800000001", "zhangwei@college.example.edu.cn", "A角"]),
            (5, ["2", "建筑工程学院", "刘洋、赵敏", "", "liuyang@college.example.edu.cn、zhaomin@college.example.edu.cn", "A角、B角"]));
        var sheet = RosterFile.Read(bytes, "名单.xlsx").Sheet!;
        Assert.Equal(
        [
            "header 2",
            "机电工程学院 @4",
            "  张伟 zhangwei@college.example.edu.cn 13800000001 A r4",
            "建筑工程学院 @5",
            "  刘洋 liuyang@college.example.edu.cn - A r5",
            "  赵敏 zhaomin@college.example.edu.cn - B r5",
        ], RosterText.Describe(sheet));
    }

    [Fact]
    public void The_template_has_a_merged_title_a_frozen_header_widths_and_a_grey_italic_example()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(RosterTemplate.Build()), false);
        var book = document.WorkbookPart!;
        var sheet = book.WorksheetParts.Single().Worksheet;
        Assert.Equal("A1:F1", sheet.Descendants<MergeCell>().Single().Reference?.Value);
        var pane = sheet.Descendants<Pane>().Single();
        Assert.Equal((PaneStateValues.Frozen, 2.0, "A3"), (pane.State!.Value, pane.VerticalSplit!.Value, pane.TopLeftCell!.Value));
        Assert.Equal(6, sheet.Descendants<Column>().Count(c => c.Width!.Value >= 8));
        var rows = sheet.Descendants<Row>().ToList();
        Assert.Equal(RosterTemplate.Header, rows[1].Elements<Cell>().Select(c => c.InnerText));
        var example = rows[2].Elements<Cell>().First();
        Assert.Equal("示例", example.InnerText);
        var styles = book.WorkbookStylesPart!.Stylesheet;
        var format = styles.CellFormats!.Elements<CellFormat>().ElementAt((int)example.StyleIndex!.Value);
        var font = styles.Fonts!.Elements<Font>().ElementAt((int)format.FontId!.Value);
        Assert.NotNull(font.Italic);
        Assert.Equal("FF808080", font.Color!.Rgb!.Value);
        // The phone and e-mail columns are text, so Excel keeps a typed phone number as digits.
        Assert.NotEmpty(sheet.Descendants<Column>());
        Assert.All(sheet.Descendants<Column>(), c => Assert.Equal(49u, styles.CellFormats.Elements<CellFormat>().ElementAt((int)c.Style!.Value).NumberFormatId!.Value));
    }

    private static byte[] Fill(byte[] template, params (uint Row, string[] Cells)[] rows)
    {
        using var stream = new MemoryStream();
        stream.Write(template);
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            var data = document.WorkbookPart!.WorksheetParts.Single().Worksheet.GetFirstChild<SheetData>()!;
            foreach (var (number, cells) in rows)
            {
                data.Append(new Row(cells.Select((text, i) => new Cell
                {
                    CellReference = XlsxRecipe.Reference(i, (int)number),
                    DataType = CellValues.InlineString,
                    InlineString = new InlineString(new Text(text)),
                })) { RowIndex = number });
            }
        }
        return stream.ToArray();
    }
}
