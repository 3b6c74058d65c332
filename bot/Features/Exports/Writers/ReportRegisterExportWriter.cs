using VocEdWeek.Bot.Features.DailyReport;
using VocEdWeek.Bot.Features.Exports.Writers.OpenXml;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.Exports.Writers;

/// <summary>
/// 日报登记表: sheet 1 department × day (first submission time and status: 按时 / 迟交 / 补交 / 未提交 / 免报, or 未到截止)
/// with counts per department; sheet 2 one row per department and day with times, versions and what the report held.
/// </summary>
public sealed class ReportRegisterExportWriter(ExportSource source, TimeProvider time) : IExportWriter
{
    private const int HeaderRows = 4;
    private static readonly ItemStatus[] Counted = [ItemStatus.OnTime, ItemStatus.Late, ItemStatus.MadeUp, ItemStatus.Missing, ItemStatus.Exempt];

    public ExportKind Kind => ExportKind.ReportRegister;

    public string Extension => ".xlsx";

    public string FileStem(ActiveWeek week, Strings t) => t.Format("export_register_title", week.Definition.Title);

    public Task WriteAsync(ActiveWeek week, Strings t, Stream output, CancellationToken ct) =>
        Task.Run(() => Write(source.Start(week), t, output, ct), ct);

    private void Write(ExportRun run, Strings t, Stream output, CancellationToken ct)
    {
        var days = run.Calendar.Days;
        double[] gridWidths = [6, 22, .. days.SelectMany(_ => new[] { 11.5, 8.5 }), .. Counted.Select(_ => 7.0), 8, 8, 8, 8];
        double[] detailWidths = [6, 22, 12, 10, 17, 17, 8, 10, 10, 9, 9, 8, 8, 10];
        SheetLayout[] layouts = [new(t["export_register_sheet"], gridWidths, HeaderRows, 2), new(t["export_register_detail_sheet"], detailWidths, 3, 2)];
        var title = FileStem(run.Week, t);
        using var book = new XlsxBook(output, title, time.GetUtcNow(), ExportText.SheetFont(t), layouts);
        var gridMerges = new List<string>();
        book.Sheet(sheet => Grid(sheet, run, t, title, gridMerges, ct), () => gridMerges, ExportText.PageFooter(t));
        var detailMerges = new List<string>();
        book.Sheet(sheet => Detail(sheet, run, t, detailMerges, ct), () => detailMerges, ExportText.PageFooter(t));
    }

    private static void Grid(SheetWriter sheet, ExportRun run, Strings t, string title, List<string> merges, CancellationToken ct)
    {
        var days = run.Calendar.Days;
        var lastColumn = 2 + days.Count * 2 + Counted.Length + 4;
        Title(sheet, title, run, t, merges, lastColumn);

        var top = sheet.Row + 1;
        sheet.BeginRow(22);
        sheet.Text(t["export_col_number"], SheetStyle.Header);
        sheet.Text(t["export_col_department"], SheetStyle.Header);
        foreach (var day in days)
        {
            merges.Add(CellRef.Range(sheet.NextColumn, top, sheet.NextColumn + 1, top));
            sheet.Text(ExportText.Day(day, t), SheetStyle.Header);
            sheet.Empty(SheetStyle.Header);
        }
        merges.Add(CellRef.Range(sheet.NextColumn, top, sheet.NextColumn + Counted.Length - 1, top));
        sheet.Text(t["export_register_counts"], SheetStyle.Header);
        for (var i = 1; i < Counted.Length; i++) sheet.Empty(SheetStyle.Header);
        merges.Add(CellRef.Range(sheet.NextColumn, top, sheet.NextColumn + 3, top));
        sheet.Text(t["export_register_materials"], SheetStyle.Header);
        for (var i = 1; i < 4; i++) sheet.Empty(SheetStyle.Header);

        sheet.BeginRow(32);
        sheet.Empty(SheetStyle.Header);
        sheet.Empty(SheetStyle.Header);
        merges.Add(CellRef.Range(1, top, 1, top + 1));
        merges.Add(CellRef.Range(2, top, 2, top + 1));
        foreach (var _ in days)
        {
            sheet.Text(t["export_col_time"], SheetStyle.Header);
            sheet.Text(t["export_col_day_status"], SheetStyle.Header);
        }
        foreach (var status in Counted) sheet.Text(t[$"export_count_{StatusKey(status)}"], SheetStyle.Header);
        foreach (var key in new[] { "cases", "stories", "photos", "videos" }) sheet.Text(t[$"export_col_{key}"], SheetStyle.Header);

        var submittedPerDay = new int[days.Count];
        var sums = new long[Counted.Length + 4];
        foreach (var d in run.Departments(ct))
        {
            sheet.BeginRow();
            sheet.Number(d.Number, SheetStyle.Centered);
            sheet.Text(d.Department.Name);
            var counts = new long[Counted.Length + 4];
            for (var i = 0; i < days.Count; i++)
            {
                var item = new WeekItem(ItemKind.DailyReport, days[i]);
                var p = run.Status(d.Department, item);
                sheet.Date(p.FirstSubmittedAt is { } at ? run.Local(at) : null, SheetStyle.ShortDateTime);
                var (label, style) = ExportText.Status(p, t, openWhenNotDue: true);
                sheet.Text(label, style);
                if (p.FirstSubmittedAt is not null) submittedPerDay[i]++;
                var index = Array.IndexOf(Counted, p.Status);
                if (p.Status != ItemStatus.Missing || p.Overdue) counts[index]++;
                if (d.Report(days[i]) is { } report)
                {
                    if (report.TypicalCase.Length > 0) counts[Counted.Length]++;
                    if (report.Story.Length > 0) counts[Counted.Length + 1]++;
                }
            }
            var media = run.Media(d.Department).Where(m => WeekItem.Parse(m.ItemKey)?.Kind == ItemKind.DailyReport).ToList();
            counts[Counted.Length + 2] = media.Count(m => m.Kind == MediaKind.Photo);
            counts[Counted.Length + 3] = media.Count(m => m.Kind == MediaKind.Video);
            for (var i = 0; i < counts.Length; i++)
            {
                sheet.Number(counts[i]);
                sums[i] += counts[i];
            }
        }

        var lastData = sheet.Row;
        sheet.BeginRow(22);
        sheet.Text(t["export_total"], SheetStyle.TotalLabel);
        sheet.Empty(SheetStyle.TotalLabel);
        merges.Add(CellRef.Range(1, sheet.Row, 2, sheet.Row));
        foreach (var n in submittedPerDay)
        {
            sheet.Empty(SheetStyle.TotalText);
            sheet.Text(t.Format("export_submitted_of", n, run.DepartmentList.Count), SheetStyle.TotalText);
        }
        foreach (var sum in sums) Sum(sheet, HeaderRows + 1, lastData, sum);
        sheet.BeginRow();
        sheet.Text(t["export_register_note"], SheetStyle.Note);
    }

    private static void Detail(SheetWriter sheet, ExportRun run, Strings t, List<string> merges, CancellationToken ct)
    {
        var zone = ExportText.Zone(run, t);
        string[] header =
        [
            t["export_col_number"], t["export_col_department"], t["export_col_date"], t["export_col_day_status"],
            t.Format("export_col_first", zone), t.Format("export_col_last", zone), t["export_col_versions"], t["export_col_held"],
            t["export_col_participants"], t["export_col_cases"], t["export_col_stories"], t["export_col_photos"], t["export_col_videos"],
            t["export_col_submitted_by"],
        ];
        Title(sheet, t.Format("export_register_detail_title", run.Week.Definition.Title), run, t, merges, header.Length);
        sheet.BeginRow(32);
        foreach (var h in header) sheet.Text(h, SheetStyle.Header);

        var firstData = sheet.Row + 1;
        var sums = new long[6];
        var number = 0;
        foreach (var d in run.Departments(ct))
        {
            var media = run.Media(d.Department);
            foreach (var day in run.Calendar.Days)
            {
                var item = new WeekItem(ItemKind.DailyReport, day);
                var p = run.Status(d.Department, item);
                var report = d.Report(day);
                var files = media.Where(m => m.ItemKey == item.Key).ToList();
                sheet.BeginRow();
                sheet.Number(++number, SheetStyle.Centered);
                sheet.Text(d.Department.Name);
                sheet.Date(day.ToDateTime(TimeOnly.MinValue), SheetStyle.Date);
                var (label, style) = ExportText.Status(p, t, openWhenNotDue: true);
                sheet.Text(label, style);
                sheet.Date(p.FirstSubmittedAt is { } first ? run.Local(first) : null);
                sheet.Date(p.LastSubmittedAt is { } last ? run.Local(last) : null);
                var versions = run.Versions(d.Department, item);
                sheet.Number(versions == 0 ? null : versions);
                long[] values =
                [
                    report?.Held.Count ?? 0, report?.Participants ?? 0,
                    report is { TypicalCase.Length: > 0 } ? 1 : 0, report is { Story.Length: > 0 } ? 1 : 0,
                    files.Count(m => m.Kind == MediaKind.Photo), files.Count(m => m.Kind == MediaKind.Video),
                ];
                for (var i = 0; i < values.Length; i++)
                {
                    // A report not handed in has no counts (empty), not zero ones.
                    sheet.Number(report is null && i < 4 ? null : values[i]);
                    sums[i] += values[i];
                }
                sheet.Text(d.Of(item)?.SubmittedByName, SheetStyle.Centered);
            }
        }
        var lastData = sheet.Row;
        sheet.BeginRow(22);
        sheet.Text(t["export_total"], SheetStyle.TotalLabel);
        for (var c = 2; c <= 7; c++) sheet.Empty(SheetStyle.TotalLabel);
        merges.Add(CellRef.Range(1, sheet.Row, 7, sheet.Row));
        foreach (var sum in sums) Sum(sheet, firstData, lastData, sum);
        sheet.Empty(SheetStyle.TotalText);
    }

    private static void Title(SheetWriter sheet, string title, ExportRun run, Strings t, List<string> merges, int lastColumn)
    {
        sheet.BeginRow(32);
        sheet.Text(title, SheetStyle.Title);
        sheet.BeginRow(20);
        sheet.Text(ExportText.HeadingLine(run.Week.Definition, t) + t["export_separator"] + ExportText.AsOf(run, t), SheetStyle.Subtitle);
        merges.Add(CellRef.Range(1, 1, lastColumn, 1));
        merges.Add(CellRef.Range(1, 2, lastColumn, 2));
    }

    private static void Sum(SheetWriter sheet, int firstData, int lastData, long value)
    {
        var column = CellRef.Column(sheet.NextColumn);
        if (lastData >= firstData) sheet.Formula($"SUM({column}{firstData}:{column}{lastData})", value);
        else sheet.Number(0, SheetStyle.TotalInteger);
    }

    private static string StatusKey(ItemStatus status) => status switch
    {
        ItemStatus.OnTime => "on_time",
        ItemStatus.Late => "late",
        ItemStatus.MadeUp => "made_up",
        ItemStatus.Exempt => "exempt",
        _ => "missing",
    };
}
