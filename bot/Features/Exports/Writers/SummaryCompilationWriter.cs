using VocEdWeek.Bot.Features.Exports.Writers.OpenXml;
using VocEdWeek.Bot.Features.Statistics;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Recommendations;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.Exports.Writers;

/// <summary>
/// 活动周总结汇编 (docx): title, theme and dates, the week's totals, then per department (Heading 1) its summary, its
/// typical cases and its stories (Heading 2), day by day. Two passes over the departments: totals first, then the body.
/// </summary>
public sealed class SummaryCompilationWriter(ExportSource source, TimeProvider time) : IExportWriter
{
    public ExportKind Kind => ExportKind.SummaryCompilation;

    public string Extension => ".docx";

    public string FileStem(ActiveWeek week, Strings t) => t.Format("export_summary_title", week.Definition.Title);

    public Task WriteAsync(ActiveWeek week, Strings t, Stream output, CancellationToken ct) =>
        Task.Run(() => Write(source.Start(week), t, output, ct), ct);

    private void Write(ExportRun run, Strings t, Stream output, CancellationToken ct)
    {
        var totals = Totals(run, ct);
        var title = ExportText.SchoolTitle(run.Week.Definition, FileStem(run.Week, t), t);
        DocxDocument.Write(output, title, time.GetUtcNow(), ExportText.DocFonts(t), body =>
        {
            var week = run.Week.Definition;
            body.Title(title);
            if (!string.IsNullOrWhiteSpace(week.Theme)) body.Subtitle(t.Format("export_theme", week.Theme));
            body.Subtitle(t.Format("export_dates", ExportText.Dates(week, t)));
            body.Subtitle(t.Format("export_compiled_by", ExportText.Owner(week, t)) + t["export_separator"] + ExportText.AsOf(run, t));

            body.Heading(1, t["export_summary_overview"]);
            var n = run.DepartmentList.Count;
            body.Text(t.Format("export_summary_overview_items", n, totals.Plans, totals.Statistics, totals.Summaries));
            body.Text(t.Format("export_summary_overview_reports", n * run.Calendar.Days.Count,
                totals.Reports[ItemStatus.OnTime], totals.Reports[ItemStatus.Late], totals.Reports[ItemStatus.MadeUp],
                totals.Reports[ItemStatus.Missing], totals.Reports[ItemStatus.Exempt], totals.NotYetDue));
            body.Text(t.Format("export_summary_overview_materials", totals.Cases, totals.Stories, totals.Photos, totals.Videos, totals.Documents));
            body.Heading(2, t["export_summary_stats_heading"]);
            body.Table(
                [t["export_summary_stats_field"], t["export_summary_stats_total"]],
                StatisticsForm.Fields.Select(f => (IReadOnlyList<string>)[t[$"stats_{f}"], totals.Stats[f].ToString("N0", t.Culture)]),
                [6500, 3000]);

            foreach (var d in run.Departments(ct)) Department(body, run, d, t);
        });
    }

    private static void Department(BodyWriter body, ExportRun run, DepartmentRecords d, Strings t)
    {
        body.Heading(1, d.Department.Name);
        var liaisons = string.Join(t["list_separator"], d.Department.Liaisons.Where(l => !l.Backup).Select(l => l.Name));
        if (liaisons.Length > 0) body.Note(t.Format("export_summary_liaison", liaisons));

        var stats = StatisticsForm.Fields.Select(f => (Field: f, Value: d.Statistic(f))).Where(x => x.Value is not null).ToList();
        if (stats.Count > 0)
        {
            body.Labeled(t["export_summary_stats_label"], string.Join(t["list_separator"], stats.Select(x => $"{t[$"stats_{x.Field}"]} {x.Value!.Value.ToString("N0", t.Culture)}")));
        }

        body.Heading(2, t["export_summary_section_summary"]);
        var summaryItem = new WeekItem(ItemKind.Summary);
        if (d.Summary is { } summary)
        {
            if (summary.Text.Trim().Length > 0) body.Text(summary.Text);
            if (summary.Documents.Count > 0) body.Note(t.Format("export_summary_documents", string.Join(t["list_separator"], summary.Documents.Select(x => x.Name))));
            if (summary.Text.Trim().Length == 0 && summary.Documents.Count == 0) body.Note(t["export_summary_empty"]);
        }
        else
        {
            body.Note(run.Status(d.Department, summaryItem).Status == ItemStatus.Exempt ? t["export_summary_exempt"] : t["export_summary_missing"]);
        }

        var reports = run.Calendar.Days.Select(day => (Day: day, Report: d.Report(day))).Where(x => x.Report is not null).ToList();
        body.Heading(2, t["export_summary_section_cases"]);
        var cases = reports.Where(x => x.Report!.TypicalCase.Trim().Length > 0).ToList();
        foreach (var (day, report) in cases) body.Labeled(DayLabel(run, d, day, PickKind.Case, t), report!.TypicalCase);
        if (cases.Count == 0) body.Note(t["export_summary_no_cases"]);

        body.Heading(2, t["export_summary_section_stories"]);
        var stories = reports.Where(x => x.Report!.Story.Trim().Length > 0).ToList();
        foreach (var (day, report) in stories) body.Labeled(DayLabel(run, d, day, PickKind.Story, t), report!.Story);
        if (stories.Count == 0) body.Note(t["export_summary_no_stories"]);
    }

    /// <summary>"5月14日（周二）：", with "★ 推荐 " in front when the office picked that text for passing upward.</summary>
    private static string DayLabel(ExportRun run, DepartmentRecords d, DateOnly day, PickKind kind, Strings t)
    {
        var label = t.Format("export_summary_day_label", WeekTime.Day(day, t));
        return run.Marks.Has(d.Department.Id, new WeekItem(ItemKind.DailyReport, day).Key, kind) ? t["export_mark_picked"] + label : label;
    }

    /// <summary>The first pass: counts and statistics sums, nothing kept per department.</summary>
    private static WeekTotals Totals(ExportRun run, CancellationToken ct)
    {
        var totals = new WeekTotals();
        foreach (var d in run.Departments(ct))
        {
            if (d.Of(new WeekItem(ItemKind.Plan)) is not null) totals.Plans++;
            if (d.Of(new WeekItem(ItemKind.Statistics)) is not null) totals.Statistics++;
            if (d.Of(new WeekItem(ItemKind.Summary)) is not null) totals.Summaries++;
            foreach (var f in StatisticsForm.Fields) totals.Stats[f] += d.Statistic(f) ?? 0;
            foreach (var day in run.Calendar.Days)
            {
                var p = run.Status(d.Department, new WeekItem(ItemKind.DailyReport, day));
                if (p.Status == ItemStatus.Missing && !p.Overdue) totals.NotYetDue++;
                else totals.Reports[p.Status]++;
                if (d.Report(day) is { } report)
                {
                    if (report.TypicalCase.Trim().Length > 0) totals.Cases++;
                    if (report.Story.Trim().Length > 0) totals.Stories++;
                }
            }
            foreach (var m in run.Media(d.Department))
            {
                switch (m.Kind)
                {
                    case MediaKind.Photo: totals.Photos++; break;
                    case MediaKind.Video: totals.Videos++; break;
                    default: totals.Documents++; break;
                }
            }
        }
        return totals;
    }

    private sealed class WeekTotals
    {
        public int Plans, Statistics, Summaries, NotYetDue, Cases, Stories, Photos, Videos, Documents;
        public Dictionary<ItemStatus, int> Reports { get; } = Enum.GetValues<ItemStatus>().ToDictionary(s => s, _ => 0);
        public Dictionary<string, long> Stats { get; } = StatisticsForm.Fields.ToDictionary(f => f, _ => 0L);
    }
}
