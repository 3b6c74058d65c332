using VocEdWeek.Bot.Features.Exports;
using VocEdWeek.Bot.Tests.Features.Exports;

namespace VocEdWeek.Bot.Tests.Features.Recommend.Package;

/// <summary>
/// The exports of "导出全部" show the office's picks: ★ 推荐 on picked cases and stories in 总结汇编 and on picked files in
/// 媒体素材清单, and 推荐数 per department in 情况统计表. Nominations and withdrawn picks are not counted.
/// </summary>
public sealed class PickMarksInExportsTests : PackageTest
{
    [Fact]
    public async Task The_summary_compilation_stars_the_picked_case_only()
    {
        var text = ExportChecks.DocxText(await World.WriteAsync(ExportKind.SummaryCompilation, Dir.Path));
        Assert.Contains("★ 推荐 5月14日（周二）：" + PackageScenario.CaseText(S.Mech), text);
        Assert.Contains("5月14日（周二）：" + PackageScenario.CaseText(S.Info), text);
        Assert.DoesNotContain("★ 推荐 5月14日（周二）：" + PackageScenario.CaseText(S.Info), text); // withdrawn
        Assert.DoesNotContain("★ 推荐 5月14日（周二）：" + PackageScenario.StoryText(S.Info), text); // nominated only
    }

    [Fact]
    public async Task The_media_index_marks_picked_files_in_its_last_column()
    {
        var sheet = ReadSheet.Load(await World.WriteAsync(ExportKind.MediaIndex, Dir.Path)).Single();
        Assert.Equal("推荐", sheet.Text(12, 3));
        var marks = Enumerable.Range(4, 5).ToDictionary(r => sheet.Text(6, r), r => sheet.Text(12, r));
        Assert.Equal("★ 推荐", marks[S.Red.FileName]);
        Assert.Equal("★ 推荐", marks[S.LargeVideo.FileName]);
        Assert.Equal("", marks[S.Blue.FileName]);
        ExportChecks.TotalsAreSums(sheet, 4, [8]);
    }

    [Fact]
    public async Task The_statistics_table_counts_active_office_picks_per_department()
    {
        var path = await World.WriteAsync(ExportKind.Statistics, Dir.Path);
        Assert.Empty(ReadSheet.Validate(path));
        var sheet = ReadSheet.Load(path).Single();
        Assert.Equal("推荐数", sheet.Text(17, 3));
        Assert.Equal([3.0, 2, 0, 0, 0], Enumerable.Range(ExportChecks.StatsFirstRow, 5).Select(r => sheet[17, r]!.Number));
        var total = ExportChecks.TotalsAreSums(sheet, ExportChecks.StatsFirstRow, [17]);
        Assert.Equal(5, sheet[17, total]!.Number);
        Assert.Equal("未提交", sheet.Text(14, ExportChecks.StatsFirstRow)); // the status column did not move
    }
}
