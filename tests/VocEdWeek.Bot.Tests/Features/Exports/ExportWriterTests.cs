using VocEdWeek.Bot.Features.Exports;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Tests.Features.Office;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Tests.Features.Exports;

/// <summary>Registration, larger generated weeks, mid-week statuses and awkward input, without LibreOffice.</summary>
public sealed class ExportWriterTests
{
    [Fact]
    public void AddBotApp_registers_one_writer_per_kind()
    {
        using var world = new ExportsWorld();
        // The week file (导出活动周设置) has its own writer outside "导出全部".
        Assert.Equal(Enum.GetValues<ExportKind>().Where(k => k != ExportKind.WeekSettings), world.Writers.Select(w => w.Kind).Order());
        Assert.Equal([.. ExportKinds.All, .. ExportKinds.Recommendation], Enum.GetValues<ExportKind>().Where(k => k != ExportKind.WeekSettings));
        var t = Strings.For("zh-CN");
        Assert.Equal("2024年职业教育活动周情况统计表", world.Writer(ExportKind.Statistics).FileStem(world.Week, t));
        Assert.Equal(".docx", world.Writer(ExportKind.SummaryCompilation).Extension);
        Assert.All(world.Writers.Where(w => ExportKinds.All.Contains(w.Kind) && w.Kind != ExportKind.SummaryCompilation), w => Assert.Equal(".xlsx", w.Extension));
        Assert.Equal([".docx", ".xlsx", ".zip"], ExportKinds.Recommendation.Select(k => world.Writer(k).Extension));
    }

    [Fact]
    public async Task A_generated_week_of_120_departments_exports_every_department_with_correct_totals()
    {
        using var dir = new Fakes.TempDir();
        using var world = new ExportsWorld(SampleWeeks.Write(dir.Path, 120));
        new ExportData(world.Week, world.Submissions, world.Media).FullWeek(photosPerDay: 1, videosPerDay: 0);
        var files = await world.WriteAllAsync(Path.Combine(dir.Path, "out"));
        ExportChecks.AllValid(files);

        var stats = ReadSheet.Load(files[ExportKind.Statistics]).Single();
        ExportChecks.ListsEveryDepartment(stats, world.Week, ExportChecks.StatsFirstRow);
        var total = ExportChecks.TotalsAreSums(stats, ExportChecks.StatsFirstRow, Enumerable.Range(3, 11));
        Assert.Equal(ExportChecks.StatsFirstRow + 120, total);
        Assert.Equal(Enumerable.Range(0, 120).Sum(i => ExportData.StatValue(i, 10)), stats[13, total]!.Number);

        var register = ReadSheet.Load(files[ExportKind.ReportRegister]);
        Assert.Equal(120 * 7, register[0][17, ExportChecks.TotalsAreSums(register[0], 5, Enumerable.Range(17, 9))]!.Number);
        Assert.Equal(4 + 120 * 7, ExportChecks.TotalsAreSums(register[1], 4, Enumerable.Range(8, 6)));
        Assert.Equal(4 + 120 * 7, ExportChecks.TotalsAreSums(ReadSheet.Load(files[ExportKind.MediaIndex]).Single(), 4, [8]));
        Assert.Equal(121, ExportChecks.Headings(files[ExportKind.SummaryCompilation], 1).Count);
    }

    [Fact]
    public async Task Mid_week_the_register_says_not_yet_due_for_days_still_open()
    {
        // Wednesday 15 May, 11:00 Beijing: 12–14 May are due, today's 12:00 has not passed.
        using var world = new ExportsWorld(now: ExportsWorld.Beijing(2024, 5, 15, 11, 0));
        var data = new ExportData(world.Week, world.Submissions, world.Media);
        var jd = world.Week.Definition.Departments[0];
        data.Report(jd, 0, new DateOnly(2024, 5, 15), ExportsWorld.Beijing(2024, 5, 15, 9, 0));
        using var dir = new Fakes.TempDir();
        var files = await world.WriteAllAsync(dir.Path);
        var grid = ReadSheet.Load(files[ExportKind.ReportRegister])[0];
        Assert.Equal(["未提交", "未提交", "未提交", "按时", "未到截止", "未到截止", "未到截止"], Enumerable.Range(0, 7).Select(d => ExportChecks.RegisterStatus(grid, "机电工程学院", d)));
        Assert.Equal(["未提交", "未提交", "未提交", "未到截止", "未到截止", "未到截止", "未到截止"], Enumerable.Range(0, 7).Select(d => ExportChecks.RegisterStatus(grid, "设计艺术学院", d)));
        var total = ExportChecks.TotalsAreSums(grid, 5, Enumerable.Range(17, 9));
        Assert.Equal(15, grid[20, total]!.Number); // missing: 5 departments × 3 past days
        Assert.Contains("未到截止 19 份", ExportChecks.DocxText(files[ExportKind.SummaryCompilation]));
    }

    [Fact]
    public async Task Control_characters_and_long_text_from_liaisons_do_not_break_the_files()
    {
        using var world = new ExportsWorld();
        var data = new ExportData(world.Week, world.Submissions, world.Media);
        var jd = world.Week.Definition.Departments[0];
        data.Submit(jd, new WeekItem(ItemKind.Summary), data.Calendar.SummaryDeadline.AddHours(-1),
            VocEdWeek.Bot.Features.Forms.FormJson.Serialize(new VocEdWeek.Bot.Features.Summary.SummaryData { Text = "总结\u0001第一段\u000B含控制字符 \uD83D\uDE00 表情\n" + new string('长', 40_000) }));
        data.Submit(jd, new WeekItem(ItemKind.Plan), data.Calendar.PlanDeadline.AddHours(-1),
            VocEdWeek.Bot.Features.Forms.FormJson.Serialize(new VocEdWeek.Bot.Features.Plan.PlanData { LiaisonName = "张伟\u0007", PlanSummary = "方案\u001F" + new string('长', 40_000) }));
        using var dir = new Fakes.TempDir();
        var files = await world.WriteAllAsync(dir.Path);
        ExportChecks.AllValid(files);
        var text = ExportChecks.DocxText(files[ExportKind.SummaryCompilation]);
        Assert.Contains("总结第一段含控制字符 \uD83D\uDE00 表情", text);
        var info = ReadSheet.Load(files[ExportKind.PlanInfo])[0];
        Assert.Equal("张伟", info.Text(3, 4));
        Assert.Equal(32_767, info.Text(7, 4).Length); // Excel's limit for one cell
        Assert.StartsWith("方案长长", info.Text(7, 4));
    }

    [Fact]
    public async Task The_callers_stream_stays_open_and_a_cancelled_export_stops()
    {
        using var world = new ExportsWorld();
        var writer = world.Writer(ExportKind.Statistics);
        using var stream = new MemoryStream();
        await writer.WriteAsync(world.Week, Strings.For("zh-CN"), stream, CancellationToken.None);
        Assert.True(stream.CanWrite && stream.Length > 0);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => writer.WriteAsync(world.Week, Strings.For("zh-CN"), new MemoryStream(), cancelled.Token));
    }
}
