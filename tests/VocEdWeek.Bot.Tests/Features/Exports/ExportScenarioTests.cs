using VocEdWeek.Bot.Features.Exports;

namespace VocEdWeek.Bot.Tests.Features.Exports;

/// <summary>A week without a single submission: still five valid files, zero totals, every department 未提交.</summary>
public sealed class EmptyWeekExportTests(EmptyWeekScenario s) : IClassFixture<EmptyWeekScenario>
{
    [Fact]
    public void Files_are_valid_open_xml() => ExportChecks.AllValid(s.Files);

    [Fact]
    public void LibreOffice_opens_them_and_the_chinese_survives() => ExportChecks.RendersChinese(s, "机电工程学院");

    [Fact]
    public void Statistics_lists_every_department_as_missing_with_zero_totals()
    {
        var sheet = ReadSheet.Load(s.Files[ExportKind.Statistics]).Single();
        Assert.Equal("情况统计表", sheet.Name);
        ExportChecks.ListsEveryDepartment(sheet, s.World.Week, ExportChecks.StatsFirstRow);
        var total = ExportChecks.TotalsAreSums(sheet, ExportChecks.StatsFirstRow, Enumerable.Range(ExportChecks.StatsFirstField, ExportChecks.StatsFields));
        Assert.All(Enumerable.Range(ExportChecks.StatsFirstField, ExportChecks.StatsFields), c => Assert.Equal(0, sheet[c, total]!.Number));
        Assert.All(Enumerable.Range(ExportChecks.StatsFirstRow, 5), r => Assert.Equal("未提交", sheet.Text(14, r)));
        Assert.Equal("已交 0/5", sheet.Text(14, total));
    }

    [Fact]
    public void Register_marks_every_day_of_every_department_missing()
    {
        var grid = ReadSheet.Load(s.Files[ExportKind.ReportRegister])[0];
        ExportChecks.ListsEveryDepartment(grid, s.World.Week, 5);
        foreach (var d in s.World.Week.Definition.Departments)
        {
            Assert.All(Enumerable.Range(0, 7), day => Assert.Equal("未提交", ExportChecks.RegisterStatus(grid, d.Name, day)));
        }
        var total = ExportChecks.TotalsAreSums(grid, 5, Enumerable.Range(17, 9));
        Assert.Equal(35, grid[20, total]!.Number); // 未交: 5 departments × 7 days
    }

    [Fact]
    public void Plan_info_media_and_summary_are_empty_but_complete()
    {
        var plan = ReadSheet.Load(s.Files[ExportKind.PlanInfo]);
        ExportChecks.ListsEveryDepartment(plan[0], s.World.Week, 4);
        Assert.Equal("张伟", plan[0].Text(3, 4)); // the week file's liaison when there is no plan
        Assert.Equal(0, plan[0][8, ExportChecks.TotalsAreSums(plan[0], 4, [8])]!.Number);
        Assert.Equal(0, plan[1][8, ExportChecks.TotalsAreSums(plan[1], 4, [8])]!.Number);
        var media = ReadSheet.Load(s.Files[ExportKind.MediaIndex]).Single();
        Assert.StartsWith("合计：0 个文件", media.Text(1, 4));
        Assert.Equal(["总体情况", .. s.World.Week.Definition.Departments.Select(d => d.Name)], ExportChecks.Headings(s.Files[ExportKind.SummaryCompilation], 1));
        Assert.Contains("（未提交）", ExportChecks.DocxText(s.Files[ExportKind.SummaryCompilation]));
    }
}

/// <summary>Every department hands in everything on time, with cases, stories, photos and videos.</summary>
public sealed class FullWeekExportTests(FullWeekScenario s) : IClassFixture<FullWeekScenario>
{
    [Fact]
    public void Files_are_valid_open_xml() => ExportChecks.AllValid(s.Files);

    [Fact]
    public void LibreOffice_opens_them_and_the_chinese_survives() => ExportChecks.RendersChinese(s, "设计艺术学院");

    [Fact]
    public void Statistics_rows_hold_the_stored_numbers_and_the_total_is_their_sum()
    {
        var sheet = ReadSheet.Load(s.Files[ExportKind.Statistics]).Single();
        Assert.Equal("2024年职业教育活动周情况统计表", sheet.Text(1, 1));
        Assert.Contains("主题：一技在手，一生无忧", sheet.Text(1, 2));
        Assert.Contains("时间：2024年5月12日至5月18日", sheet.Text(1, 2));
        Assert.Contains("填报单位：无锡市示例职业技术学院教务处", sheet.Text(1, 2)); // the week file's school and office
        Assert.Equal("开展活动数（项）", sheet.Text(3, 4));
        Assert.Equal("参与人数", sheet.Text(4, 3));
        Assert.Contains("D3:F3", sheet.Merges);
        for (var i = 0; i < 5; i++)
        {
            for (var f = 0; f < ExportChecks.StatsFields; f++) Assert.Equal(ExportData.StatValue(i, f), sheet[ExportChecks.StatsFirstField + f, ExportChecks.StatsFirstRow + i]!.Number);
            Assert.Equal("按时", sheet.Text(14, ExportChecks.StatsFirstRow + i));
        }
        var total = ExportChecks.TotalsAreSums(sheet, ExportChecks.StatsFirstRow, Enumerable.Range(ExportChecks.StatsFirstField, ExportChecks.StatsFields));
        Assert.Equal(Enumerable.Range(0, 5).Sum(i => ExportData.StatValue(i, 0)), sheet[3, total]!.Number);
        Assert.Equal("SUM(C5:C9)", sheet[3, total]!.Formula);
        // Header rows and the department column stay in view.
        var pane = sheet.View!.GetFirstChild<DocumentFormat.OpenXml.Spreadsheet.Pane>()!;
        Assert.Equal("C5", pane.TopLeftCell!.Value);
        Assert.Equal(DocumentFormat.OpenXml.Spreadsheet.PaneStateValues.Frozen, pane.State!.Value);
    }

    [Fact]
    public void Submission_times_are_date_cells_in_beijing_time()
    {
        var sheet = ReadSheet.Load(s.Files[ExportKind.Statistics]).Single();
        var cell = sheet[16, ExportChecks.StatsFirstRow]!;
        Assert.True(cell.IsNumber);
        // Statistics deadline 2024-05-19 17:30 Beijing; submitted three hours before.
        Assert.Equal(new DateTime(2024, 5, 19, 14, 30, 0), DateTime.FromOADate(cell.Number), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void Register_counts_reports_cases_stories_photos_and_videos()
    {
        var sheets = ReadSheet.Load(s.Files[ExportKind.ReportRegister]);
        Assert.Equal(["日报登记表", "日报明细"], sheets.Select(x => x.Name));
        var grid = sheets[0];
        Assert.Equal("5月12日", grid.Text(3, 3));
        var total = ExportChecks.TotalsAreSums(grid, 5, Enumerable.Range(17, 9));
        Assert.Equal([35, 0, 0, 0, 0, 35, 35, 70, 35], Enumerable.Range(17, 9).Select(c => grid[c, total]!.Number));
        Assert.Equal(new DateTime(2024, 5, 12, 10, 30, 0), DateTime.FromOADate(grid[3, 5]!.Number), TimeSpan.FromSeconds(1));
        var detail = sheets[1];
        var detailTotal = ExportChecks.TotalsAreSums(detail, 4, Enumerable.Range(8, 6));
        Assert.Equal(35, detail[10, detailTotal]!.Number);
        Assert.Equal(35 * 2, detail[8, detailTotal]!.Number);
    }

    [Fact]
    public void Plan_info_has_contacts_column_addresses_and_every_activity()
    {
        var sheets = ReadSheet.Load(s.Files[ExportKind.PlanInfo]);
        Assert.Equal(["信息采集表", "活动安排"], sheets.Select(x => x.Name));
        var info = sheets[0];
        Assert.Equal("13800000001", info.Text(4, 4));
        Assert.Equal("https://www.college.example.edu.cn/zjhdz/jd", info.Text(6, 4));
        Assert.StartsWith("HYPERLINK(", info[6, 4]!.Formula);
        Assert.Equal(15, info[8, ExportChecks.TotalsAreSums(info, 4, [8])]!.Number);
        var activities = sheets[1];
        var total = ExportChecks.TotalsAreSums(activities, 4, [8]);
        Assert.Equal(19, total); // 15 activities from row 4
        Assert.Equal("校园开放活动", activities.Text(4, 4));
        Assert.Equal(new DateTime(2024, 5, 12), DateTime.FromOADate(activities[5, 4]!.Number));
        Assert.Equal(5 * 280 + (0 + 1 + 2 + 3 + 4), activities[8, total]!.Number);
    }

    [Fact]
    public void Media_index_lists_every_file_with_its_link_or_where_it_is()
    {
        var sheet = ReadSheet.Load(s.Files[ExportKind.MediaIndex]).Single();
        var total = ExportChecks.TotalsAreSums(sheet, 4, [8]);
        Assert.Equal(4 + 5 * 7 * 3, total);
        Assert.StartsWith("合计：105 个文件（照片 70 张、视频 35 个、文档 0 个）", sheet.Text(1, total));
        var links = Enumerable.Range(4, 105).Select(r => sheet[11, r]!).ToList();
        Assert.Contains(links, c => c.Formula is not null && c.Text.StartsWith("https://contoso.sharepoint.cn/", StringComparison.Ordinal));
        Assert.Contains(links, c => c.Text == "已保存在服务器本地，等待上传 SharePoint");
        Assert.Contains(links, c => c.Text == "已保存在服务器本地（未配置 SharePoint）");
        Assert.Equal("5月12日日报", sheet.Text(3, 4));
    }

    [Fact]
    public void Summary_compilation_has_navigable_headings_per_department()
    {
        var docx = s.Files[ExportKind.SummaryCompilation];
        Assert.Equal(["总体情况", "机电工程学院", "信息工程学院", "经济管理学院", "建筑工程学院", "设计艺术学院"], ExportChecks.Headings(docx, 1));
        var h2 = ExportChecks.Headings(docx, 2);
        Assert.Equal(5, h2.Count(h => h == "典型活动案例"));
        Assert.Equal(5, h2.Count(h => h == "典型职教故事"));
        var text = ExportChecks.DocxText(docx);
        Assert.Contains("机电工程学院活动周总结：本周共开展活动 10 项", text);
        Assert.Contains("5月14日（周二）：机电工程学院5月14日典型案例", text);
        Assert.Contains("日报应报 35 份：按时 35 份", text);
        Assert.Contains("附总结文档：机电工程学院活动周总结.docx", text);
        Assert.StartsWith("无锡市示例职业技术学院2024年职业教育活动周总结汇编", text, StringComparison.Ordinal); // the school heads it
        Assert.Contains("填报单位：无锡市示例职业技术学院教务处", text);
        var pdf = LibreOffice.PdfText(s.Pdfs[ExportKind.SummaryCompilation]);
        Assert.Contains("典型职教故事", pdf);
        Assert.Contains("无锡市示例职业技术学院", pdf);
    }

    [Fact]
    public async Task English_week_gets_english_sheets_and_headings()
    {
        var folder = Path.Combine(s.World.Directory_, "en");
        var files = await s.World.WriteAllAsync(folder, "en-US");
        ExportChecks.AllValid(files);
        var stats = ReadSheet.Load(files[ExportKind.Statistics]).Single();
        Assert.Equal("Statistics", stats.Name);
        Assert.Equal("2024年职业教育活动周 statistics", stats.Text(1, 1));
        ExportChecks.TotalsAreSums(stats, ExportChecks.StatsFirstRow, Enumerable.Range(3, 11), "Total");
        Assert.Equal("On time", stats.Text(14, 5));
        Assert.Equal(["Register", "Daily details"], ReadSheet.Load(files[ExportKind.ReportRegister]).Select(x => x.Name));
        Assert.Contains("Overview", ExportChecks.Headings(files[ExportKind.SummaryCompilation], 1));
        Assert.Contains("Compiled by: 教务处, 无锡市示例职业技术学院", stats.Text(1, 2));
    }
}

/// <summary>Late, made-up, exempt and missing items: the register says which.</summary>
public sealed class MixedWeekExportTests(MixedWeekScenario s) : IClassFixture<MixedWeekScenario>
{
    [Fact]
    public void Files_are_valid_open_xml() => ExportChecks.AllValid(s.Files);

    [Fact]
    public void LibreOffice_opens_them_and_the_chinese_survives() => ExportChecks.RendersChinese(s, "经济管理学院");

    [Fact]
    public void Register_statuses_follow_the_first_submission_and_exemptions()
    {
        var grid = ReadSheet.Load(s.Files[ExportKind.ReportRegister])[0];
        Assert.All(Enumerable.Range(0, 7), d => Assert.Equal("按时", ExportChecks.RegisterStatus(grid, "机电工程学院", d)));
        Assert.Equal("迟交", ExportChecks.RegisterStatus(grid, "信息工程学院", 1));
        Assert.Equal("补交", ExportChecks.RegisterStatus(grid, "信息工程学院", 2));
        Assert.Equal("免报", ExportChecks.RegisterStatus(grid, "经济管理学院", 3));
        Assert.Equal("未提交", ExportChecks.RegisterStatus(grid, "经济管理学院", 4));
        Assert.Equal("按时", ExportChecks.RegisterStatus(grid, "建筑工程学院", 0)); // edited after 12:00, first version on time
        Assert.Equal("未提交", ExportChecks.RegisterStatus(grid, "建筑工程学院", 5));
        Assert.All(Enumerable.Range(0, 7), d => Assert.Equal("未提交", ExportChecks.RegisterStatus(grid, "设计艺术学院", d)));
        // The made-up report's time is the next morning, shown as a date-time cell.
        var xx = grid.FindRow(2, "信息工程学院");
        Assert.Equal(new DateTime(2024, 5, 15, 8, 30, 0), DateTime.FromOADate(grid[7, xx]!.Number), TimeSpan.FromSeconds(1));

        var total = ExportChecks.TotalsAreSums(grid, 5, Enumerable.Range(17, 9));
        // 按时 7+5+5+6, 迟交 1, 补交 1, 未交 1+1+7, 免报 1.
        Assert.Equal([23, 1, 1, 9, 1], Enumerable.Range(17, 5).Select(c => grid[c, total]!.Number));
        Assert.Equal([5, 1, 1, 0, 0], Enumerable.Range(17, 5).Select(c => grid[c, xx]!.Number));
    }

    [Fact]
    public void Register_detail_has_versions_and_both_times()
    {
        var detail = ReadSheet.Load(s.Files[ExportKind.ReportRegister])[1];
        var jz12 = Enumerable.Range(4, 35).First(r => detail.Text(2, r) == "建筑工程学院" && DateTime.FromOADate(detail[3, r]!.Number) == new DateTime(2024, 5, 12));
        Assert.Equal(2, detail[7, jz12]!.Number);
        Assert.Equal(new DateTime(2024, 5, 12, 10, 30, 0), DateTime.FromOADate(detail[5, jz12]!.Number), TimeSpan.FromSeconds(1));
        Assert.Equal(new DateTime(2024, 5, 12, 15, 30, 0), DateTime.FromOADate(detail[6, jz12]!.Number), TimeSpan.FromSeconds(1));
        Assert.Equal("按时", detail.Text(4, jz12));
        ExportChecks.TotalsAreSums(detail, 4, Enumerable.Range(8, 6));
    }

    [Fact]
    public void Statistics_shows_late_exempt_and_missing_departments_and_sums_the_rest()
    {
        var sheet = ReadSheet.Load(s.Files[ExportKind.Statistics]).Single();
        Assert.Equal(["按时", "补交", "按时", "免报", "未提交"], Enumerable.Range(5, 5).Select(r => sheet.Text(14, r)));
        Assert.Equal("", sheet.Text(3, 8)); // exempt: no numbers
        var total = ExportChecks.TotalsAreSums(sheet, 5, Enumerable.Range(3, 11));
        Assert.Equal(Enumerable.Range(0, 3).Sum(i => ExportData.StatValue(i, 4)), sheet[7, total]!.Number);
        Assert.Equal("已交 3/5", sheet.Text(14, total));
    }

    [Fact]
    public void Plan_info_marks_the_late_plan_and_falls_back_to_the_week_files_liaisons()
    {
        var info = ReadSheet.Load(s.Files[ExportKind.PlanInfo])[0];
        Assert.Equal(["按时", "迟交", "按时", "按时", "未提交"], Enumerable.Range(4, 5).Select(r => info.Text(9, r)));
        Assert.Equal("陈静", info.Text(3, 8));
        Assert.Equal("chenjing@college.example.edu.cn", info.Text(5, 8));
    }

    [Fact]
    public void Media_index_says_where_files_are_that_have_no_link()
    {
        var sheet = ReadSheet.Load(s.Files[ExportKind.MediaIndex]).Single();
        var rows = Enumerable.Range(4, 6).ToDictionary(r => sheet.Text(6, r), r => sheet.Text(11, r));
        Assert.StartsWith("https://contoso.sharepoint.cn/", rows["开幕式.jpg"]);
        Assert.Equal("已保存在服务器本地，等待上传 SharePoint", rows["开幕式视频.mp4"]);
        Assert.Equal("已保存在服务器本地（未配置 SharePoint）", rows["实训展示.png"]);
        Assert.Equal("已保存在服务器本地；上传 SharePoint 失败：SharePoint 拒绝访问", rows["签约仪式.jpg"]);
        Assert.Equal("接收中", rows["现场.mov"]);
        Assert.Equal("活动周总结", sheet.Text(3, Enumerable.Range(4, 6).Single(r => sheet.Text(6, r) == "总结.docx")));
        ExportChecks.TotalsAreSums(sheet, 4, [8]);
    }

    [Fact]
    public void Summary_compilation_says_missing_and_exempt()
    {
        var text = ExportChecks.DocxText(s.Files[ExportKind.SummaryCompilation]);
        Assert.Contains("（免报）", text);
        Assert.Contains("（未提交）", text);
        Assert.Contains("日报应报 35 份：按时 23 份，迟交 1 份，补交 1 份，未交 9 份，免报 1 份，未到截止 0 份。", text);
        Assert.Contains("（本周未报送典型职教故事）", text); // 建筑 sent no stories
    }
}
