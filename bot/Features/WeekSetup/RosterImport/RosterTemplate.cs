using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace VocEdWeek.Bot.Features.WeekSetup.RosterImport;

/// <summary>
/// A blank liaison list for the office to fill in: a title, the header <see cref="RosterFile"/> reads, and one
/// grey example row it recognizes and skips (so a list sent back with the example still in it imports cleanly).
/// </summary>
public static class RosterTemplate
{
    public const string Title = "职业教育活动周联络员名单";
    public static readonly IReadOnlyList<string> Header = ["序号", "部门", "联络员", "手机", "邮箱", "AB角"];
    public static readonly IReadOnlyList<string> Example =
        ["示例", "示例：机电工程学院（此行为示例，可删除）", "张伟、李明", "13800000001、13800000002", "zhangwei@school.edu.cn、liming@school.edu.cn", "A角、B角"];
    private static readonly double[] Widths = [8, 30, 18, 26, 40, 12];

    public static byte[] Build()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var book = document.AddWorkbookPart();
            book.AddNewPart<WorkbookStylesPart>().Stylesheet = TemplateStyles.Build();
            var sheetPart = book.AddNewPart<WorksheetPart>();
            sheetPart.Worksheet = Sheet();
            book.Workbook = new Workbook(new Sheets(new Sheet { Name = "联络员名单", SheetId = 1, Id = book.GetIdOfPart(sheetPart) }));
        }
        return stream.ToArray();
    }

    private static Worksheet Sheet()
    {
        // Frozen below the header: the column names stay in view however long the list grows.
        var view = new SheetView(new Pane { VerticalSplit = 2, TopLeftCell = "A3", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0 };
        // Phones and e-mails as text: Excel would otherwise turn a typed phone number into 1.38E+10.
        var columns = new Columns(Widths.Select((w, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = w, CustomWidth = true, Style = TemplateStyles.Text }));
        var data = new SheetData(
            Row(1, [Title], TemplateStyles.Title, 28),
            Row(2, Header, TemplateStyles.Header, null),
            Row(3, Example, TemplateStyles.Example, null));
        return new Worksheet(new SheetViews(view), columns, data, new MergeCells(new MergeCell { Reference = "A1:F1" }) { Count = 1 });
    }

    private static Row Row(uint number, IReadOnlyList<string> texts, uint style, double? height)
    {
        var row = new Row { RowIndex = number };
        if (height is { } h)
        {
            row.Height = h;
            row.CustomHeight = true;
        }
        for (var i = 0; i < texts.Count; i++)
        {
            row.Append(new Cell
            {
                CellReference = $"{(char)('A' + i)}{number}",
                DataType = CellValues.InlineString,
                StyleIndex = style,
                InlineString = new InlineString(new Text(texts[i])),
            });
        }
        return row;
    }
}
