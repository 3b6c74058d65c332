using VocEdWeek.Bot.Features.Exports.Writers.OpenXml;
using VocEdWeek.Bot.Features.Statistics;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.Exports.Writers;

/// <summary>
/// 情况统计表 (附件2): one row per department with every field of the statistics form, grouped under the form's
/// sections, then a total row (SUM formulas with their values). Departments that have not submitted are listed
/// with empty numbers and their status.
/// </summary>
public sealed class StatisticsExportWriter(ExportSource source, TimeProvider time) : IExportWriter
{
    private const int HeaderRows = 4;
    private static readonly string[] Fields = [.. StatisticsForm.Fields];

    public ExportKind Kind => ExportKind.Statistics;

    public string Extension => ".xlsx";

    public string FileStem(ActiveWeek week, Strings t) => t.Format("export_stats_title", week.Definition.Title);

    public Task WriteAsync(ActiveWeek week, Strings t, Stream output, CancellationToken ct) =>
        Task.Run(() => Write(source.Start(week), t, output, ct), ct);

    private void Write(ExportRun run, Strings t, Stream output, CancellationToken ct)
    {
        var lastColumn = 2 + Fields.Length + 4;
        double[] widths = [6, 24, .. Fields.Select(_ => 13.0), 10, 10, 17, 9];
        var layout = new SheetLayout(t["export_stats_sheet"], widths, HeaderRows, 2);
        var title = FileStem(run.Week, t);
        using var book = new XlsxBook(output, title, time.GetUtcNow(), ExportText.SheetFont(t), [layout]);
        var merges = new List<string> { CellRef.Range(1, 1, lastColumn, 1), CellRef.Range(1, 2, lastColumn, 2) };
        var firstData = HeaderRows + 1;
        var lastData = HeaderRows + run.DepartmentList.Count;
        book.Sheet(sheet =>
        {
            sheet.BeginRow(32);
            sheet.Text(title, SheetStyle.Title);
            sheet.BeginRow(20);
            sheet.Text(ExportText.HeadingLine(run.Week.Definition, t) + t["export_separator"] + ExportText.AsOf(run, t), SheetStyle.Subtitle);
            WriteHeader(sheet, t, merges, lastColumn, ExportText.Zone(run, t));

            var sums = new long[Fields.Length];
            var submitted = 0;
            var pickedTotal = 0;
            var item = new WeekItem(ItemKind.Statistics);
            foreach (var d in run.Departments(ct, item))
            {
                sheet.BeginRow();
                sheet.Number(d.Number, SheetStyle.Centered);
                sheet.Text(d.Department.Name);
                for (var i = 0; i < Fields.Length; i++)
                {
                    var value = d.Statistic(Fields[i]);
                    sums[i] += value ?? 0;
                    sheet.Number(value);
                }
                var status = run.Status(d.Department, item);
                var (label, style) = ExportText.Status(status, t, openWhenNotDue: false);
                sheet.Text(label, style);
                var stored = d.Of(item);
                sheet.Text(stored?.SubmittedByName, SheetStyle.Centered);
                sheet.Date(status.FirstSubmittedAt is { } at ? run.Local(at) : null);
                var picked = run.Marks.CountOfDepartment(d.Department.Id);
                pickedTotal += picked;
                sheet.Number(picked);
                if (stored is not null) submitted++;
            }

            sheet.BeginRow(22);
            sheet.Text(t["export_total"], SheetStyle.TotalLabel);
            sheet.Empty(SheetStyle.TotalLabel);
            merges.Add(CellRef.Range(1, sheet.Row, 2, sheet.Row));
            for (var i = 0; i < Fields.Length; i++)
            {
                var column = CellRef.Column(sheet.NextColumn);
                if (lastData >= firstData) sheet.Formula($"SUM({column}{firstData}:{column}{lastData})", sums[i]);
                else sheet.Number(0, SheetStyle.TotalInteger);
            }
            sheet.Text(t.Format("export_submitted_of", submitted, run.DepartmentList.Count), SheetStyle.TotalText);
            sheet.Empty(SheetStyle.TotalText);
            sheet.Empty(SheetStyle.TotalText);
            var pickedColumn = CellRef.Column(sheet.NextColumn);
            if (lastData >= firstData) sheet.Formula($"SUM({pickedColumn}{firstData}:{pickedColumn}{lastData})", pickedTotal);
            else sheet.Number(0, SheetStyle.TotalInteger);

            sheet.BeginRow();
            sheet.Text(t["export_stats_note"], SheetStyle.Note);
        }, () => merges, ExportText.PageFooter(t));
    }

    /// <summary>Two header rows: sections of the form over their fields; 序号, 部门 and the status columns span both.</summary>
    private static void WriteHeader(SheetWriter sheet, Strings t, List<string> merges, int lastColumn, string zone)
    {
        var top = sheet.Row + 1;
        sheet.BeginRow(22);
        sheet.Text(t["export_col_number"], SheetStyle.Header);
        sheet.Text(t["export_col_department"], SheetStyle.Header);
        foreach (var (section, fields) in StatisticsForm.Layout)
        {
            var first = sheet.NextColumn;
            sheet.Text(t[$"stats_section_{section}"], SheetStyle.Header);
            for (var i = 1; i < fields.Length; i++) sheet.Empty(SheetStyle.Header);
            if (fields.Length > 1) merges.Add(CellRef.Range(first, top, first + fields.Length - 1, top));
        }
        sheet.Text(t["export_col_status"], SheetStyle.Header);
        sheet.Text(t["export_col_submitted_by"], SheetStyle.Header);
        sheet.Text(t.Format("export_col_submitted_at", zone), SheetStyle.Header);
        sheet.Text(t["export_col_picks"], SheetStyle.Header);

        sheet.BeginRow(48);
        sheet.Empty(SheetStyle.Header);
        sheet.Empty(SheetStyle.Header);
        foreach (var f in Fields) sheet.Text(t[$"stats_{f}"], SheetStyle.Header);
        for (var i = 0; i < 4; i++) sheet.Empty(SheetStyle.Header);
        foreach (var column in new[] { 1, 2, lastColumn - 3, lastColumn - 2, lastColumn - 1, lastColumn }) merges.Add(CellRef.Range(column, top, column, top + 1));
    }
}
