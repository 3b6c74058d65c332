using VocEdWeek.Bot.Features.Exports;

namespace VocEdWeek.Bot.Tests.Features.Exports;

/// <summary>Every export phrase (Chinese, English, full-width, typos) names the right kinds; other text is not an export.</summary>
public sealed class ExportCommandParserTests
{
    private static readonly (string, string)[] Weeks = [("2024-wuxi", "2024年职业教育活动周"), ("2020-shandong", "2020年山东省职业教育活动周")];

    [Theory]
    [InlineData("导出统计表", ExportKind.Statistics)]
    [InlineData("导出情况统计表", ExportKind.Statistics)]
    [InlineData("导出 统计表", ExportKind.Statistics)]
    [InlineData("请导出统计表", ExportKind.Statistics)]
    [InlineData("帮我导出一下统计表", ExportKind.Statistics)]
    [InlineData("统计表导出", ExportKind.Statistics)]
    [InlineData("导出统计表。", ExportKind.Statistics)]
    [InlineData("ＥＸＰＯＲＴ　ＳＴＡＴＳ", ExportKind.Statistics)]
    [InlineData("到出统计表", ExportKind.Statistics)]
    [InlineData("导出信息采集表", ExportKind.PlanInfo)]
    [InlineData("导出方案汇总", ExportKind.PlanInfo)]
    [InlineData("导出方案", ExportKind.PlanInfo)]
    [InlineData("导出日报登记表", ExportKind.ReportRegister)]
    [InlineData("导出登记表", ExportKind.ReportRegister)]
    [InlineData("导出素材清单", ExportKind.MediaIndex)]
    [InlineData("导出媒体清单", ExportKind.MediaIndex)]
    [InlineData("导出总结汇编", ExportKind.SummaryCompilation)]
    [InlineData("导出总结", ExportKind.SummaryCompilation)]
    [InlineData("export statistics", ExportKind.Statistics)]
    [InlineData("Export Stats", ExportKind.Statistics)]
    [InlineData("export statistcs", ExportKind.Statistics)]
    [InlineData("exprot statistics", ExportKind.Statistics)]
    [InlineData("please export the statistics table", ExportKind.Statistics)]
    [InlineData("export plans", ExportKind.PlanInfo)]
    [InlineData("export plan info", ExportKind.PlanInfo)]
    [InlineData("export register", ExportKind.ReportRegister)]
    [InlineData("export regster", ExportKind.ReportRegister)]
    [InlineData("export media", ExportKind.MediaIndex)]
    [InlineData("export summary", ExportKind.SummaryCompilation)]
    [InlineData("export sumary", ExportKind.SummaryCompilation)]
    public void Phrase_NamesOneKind(string text, ExportKind kind)
    {
        var request = ExportCommandParser.Parse(text, Weeks);

        Assert.NotNull(request);
        Assert.Equal([kind], request.Kinds);
        Assert.False(request.All);
        Assert.Null(request.Year);
        Assert.Null(request.WeekId);
    }

    [Theory]
    [InlineData("导出全部")]
    [InlineData("全部导出")]
    [InlineData("导出所有文件")]
    [InlineData("export all")]
    [InlineData("Export everything")]
    [InlineData("ｅｘｐｏｒｔ ａｌｌ")]
    public void All_NamesEveryKind(string text)
    {
        var request = ExportCommandParser.Parse(text, Weeks)!;

        Assert.True(request.All);
        Assert.Equal(ExportKinds.All, request.Kinds);
    }

    [Fact]
    public void TwoKinds_InOneCommand()
    {
        Assert.Equal([ExportKind.Statistics, ExportKind.SummaryCompilation], ExportCommandParser.Parse("导出统计表和总结汇编", Weeks)!.Kinds);
    }

    [Theory]
    [InlineData("导出 2020 统计表", 2020)]
    [InlineData("导出2020年统计表", 2020)]
    [InlineData("导出2020年的统计表", 2020)]
    [InlineData("export 2019 stats", 2019)]
    public void Year_NamesAPastWeek(string text, int year)
    {
        var request = ExportCommandParser.Parse(text, Weeks)!;

        Assert.Equal(year, request.Year);
        Assert.Equal([ExportKind.Statistics], request.Kinds);
    }

    [Theory]
    [InlineData("导出 2020年山东省职业教育活动周 统计表", "2020-shandong")]
    [InlineData("导出统计表 2020-shandong", "2020-shandong")]
    [InlineData("export stats 2024-wuxi", "2024-wuxi")]
    public void WeekIdOrTitle_NamesThatWeek(string text, string weekId)
    {
        var request = ExportCommandParser.Parse(text, Weeks)!;

        Assert.Equal(weekId, request.WeekId);
        Assert.Null(request.Year);
        Assert.Equal([ExportKind.Statistics], request.Kinds);
    }

    [Theory]
    [InlineData("导出", "")]
    [InlineData("导出课程表", "课程")]
    [InlineData("export grades", "grades")]
    public void ExportOfSomethingUnknown_IsUnderstoodAsAnExportWithoutKinds(string text, string rest)
    {
        var request = ExportCommandParser.Parse(text, Weeks)!;

        Assert.False(request.Understood);
        Assert.Equal(rest, request.Rest);
    }

    [Theory]
    [InlineData("统计表")]
    [InlineData("总结")]
    [InlineData("今天谁还没报送")]
    [InlineData("统计表进度")]
    [InlineData("help")]
    [InlineData("我的提交")]
    [InlineData("exporter")]
    [InlineData("the export is late")]
    public void OtherText_IsNotAnExport(string text) => Assert.Null(ExportCommandParser.Parse(text, Weeks));
}
