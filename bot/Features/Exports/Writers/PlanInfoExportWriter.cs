using VocEdWeek.Bot.Features.Exports.Writers.OpenXml;
using VocEdWeek.Bot.Features.Plan;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.Exports.Writers;

/// <summary>
/// 方案与信息采集表 (附件1) for all departments: sheet 1 one row per department (liaison and contacts, promotion
/// column address, plan summary, number of planned activities, status); sheet 2 every planned activity.
/// A department without a plan shows the liaisons of the week file and 未提交.
/// </summary>
public sealed class PlanInfoExportWriter(ExportSource source, TimeProvider time) : IExportWriter
{
    private const int HeaderRows = 3;

    public ExportKind Kind => ExportKind.PlanInfo;

    public string Extension => ".xlsx";

    public string FileStem(ActiveWeek week, Strings t) => t.Format("export_plan_title", week.Definition.Title);

    public Task WriteAsync(ActiveWeek week, Strings t, Stream output, CancellationToken ct) =>
        Task.Run(() => Write(source.Start(week), t, output, ct), ct);

    private void Write(ExportRun run, Strings t, Stream output, CancellationToken ct)
    {
        var title = FileStem(run.Week, t);
        SheetLayout[] layouts =
        [
            new(t["export_plan_sheet"], [6, 24, 10, 15, 30, 36, 50, 12, 10, 17], HeaderRows, 2),
            new(t["export_activities_sheet"], [6, 24, 32, 22, 12, 22, 20, 12, 10], HeaderRows, 2),
        ];
        using var book = new XlsxBook(output, title, time.GetUtcNow(), ExportText.SheetFont(t), layouts);
        var departmentMerges = new List<string>();
        book.Sheet(sheet => Departments(sheet, run, t, title, departmentMerges, ct), () => departmentMerges, ExportText.PageFooter(t));
        var activityMerges = new List<string>();
        book.Sheet(sheet => Activities(sheet, run, t, activityMerges, ct), () => activityMerges, ExportText.PageFooter(t));
    }

    private static void Departments(SheetWriter sheet, ExportRun run, Strings t, string title, List<string> merges, CancellationToken ct)
    {
        string[] header =
        [
            t["export_col_number"], t["export_col_department"], t["export_col_liaison"], t["export_col_phone"], t["export_col_email"],
            t["export_col_column_url"], t["export_col_plan_summary"], t["export_col_planned_count"], t["export_col_status"],
            t.Format("export_col_submitted_at", ExportText.Zone(run, t)),
        ];
        Heading(sheet, title, run, t, header, merges);
        var item = new WeekItem(ItemKind.Plan);
        long planned = 0;
        var submitted = 0;
        foreach (var d in run.Departments(ct, new WeekItem(ItemKind.Plan)))
        {
            var plan = d.Plan;
            // Without a plan, the contacts the week file knows (every liaison, backups included).
            var liaisons = d.Department.Liaisons;
            sheet.BeginRow();
            sheet.Number(d.Number, SheetStyle.Centered);
            sheet.Text(d.Department.Name);
            sheet.Text(plan?.LiaisonName is { Length: > 0 } n ? n : string.Join(t["list_separator"], liaisons.Select(l => l.Name)));
            sheet.Text(plan?.Phone is { Length: > 0 } p ? p : string.Join(t["list_separator"], liaisons.Select(l => l.Phone).OfType<string>()));
            sheet.Text(plan?.Email is { Length: > 0 } e ? e : string.Join(t["list_separator"], liaisons.Select(l => l.Email).OfType<string>()));
            if (plan?.ColumnUrl is { Length: > 0 } url) sheet.Link(url); else sheet.Empty(SheetStyle.Text);
            sheet.Text(plan?.PlanSummary);
            sheet.Number(plan?.Activities.Count);
            planned += plan?.Activities.Count ?? 0;
            if (plan is not null) submitted++;
            var status = run.Status(d.Department, item);
            var (label, style) = ExportText.Status(status, t, openWhenNotDue: false);
            sheet.Text(label, style);
            sheet.Date(status.FirstSubmittedAt is { } at ? run.Local(at) : null);
        }
        TotalRow(sheet, t, merges, 7, 8, planned, run.DepartmentList.Count);
        sheet.Text(t.Format("export_submitted_of", submitted, run.DepartmentList.Count), SheetStyle.TotalText);
        sheet.Empty(SheetStyle.TotalText);
    }

    private static void Activities(SheetWriter sheet, ExportRun run, Strings t, List<string> merges, CancellationToken ct)
    {
        string[] header =
        [
            t["export_col_number"], t["export_col_department"], t["export_col_activity"], t["export_col_category"], t["export_col_date"],
            t["export_col_place"], t["export_col_audience"], t["export_col_expected"], t["export_col_public"],
        ];
        Heading(sheet, t.Format("export_activities_title", run.Week.Definition.Title), run, t, header, merges);
        var number = 0;
        long expected = 0;
        foreach (var d in run.Departments(ct, new WeekItem(ItemKind.Plan)))
        {
            if (d.Plan is not { } plan) continue;
            foreach (var a in plan.Activities.OrderBy(a => a.Date))
            {
                sheet.BeginRow();
                sheet.Number(++number, SheetStyle.Centered);
                sheet.Text(d.Department.Name);
                sheet.Text(a.Name);
                sheet.Text(ActivityCategories.Title(a.Category, t));
                sheet.Date(a.Date.ToDateTime(TimeOnly.MinValue), SheetStyle.Date);
                sheet.Text(a.Place);
                sheet.Text(a.Audience);
                sheet.Number(a.Expected);
                expected += a.Expected ?? 0;
                sheet.Text(a.Public ? t["export_yes"] : t["export_no"], SheetStyle.Centered);
            }
        }
        TotalRow(sheet, t, merges, 7, 8, expected, number);
        sheet.Empty(SheetStyle.TotalText);
    }

    private static void Heading(SheetWriter sheet, string title, ExportRun run, Strings t, string[] header, List<string> merges)
    {
        sheet.BeginRow(32);
        sheet.Text(title, SheetStyle.Title);
        sheet.BeginRow(20);
        sheet.Text(ExportText.HeadingLine(run.Week.Definition, t) + t["export_separator"] + ExportText.AsOf(run, t), SheetStyle.Subtitle);
        merges.Add(CellRef.Range(1, 1, header.Length, 1));
        merges.Add(CellRef.Range(1, 2, header.Length, 2));
        sheet.BeginRow(32);
        foreach (var h in header) sheet.Text(h, SheetStyle.Header);
    }

    /// <summary>合计 over the label columns, then the sum of one numeric column (a SUM formula with its value).</summary>
    private static void TotalRow(SheetWriter sheet, Strings t, List<string> merges, int labelColumns, int sumColumn, long sum, int rows)
    {
        var firstData = HeaderRows + 1;
        var lastData = sheet.Row;
        sheet.BeginRow(22);
        sheet.Text(t["export_total"], SheetStyle.TotalLabel);
        for (var c = 2; c <= labelColumns; c++) sheet.Empty(SheetStyle.TotalLabel);
        merges.Add(CellRef.Range(1, sheet.Row, labelColumns, sheet.Row));
        var column = CellRef.Column(sumColumn);
        if (rows > 0 && lastData >= firstData) sheet.Formula($"SUM({column}{firstData}:{column}{lastData})", sum);
        else sheet.Number(0, SheetStyle.TotalInteger);
    }
}
