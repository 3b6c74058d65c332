using VocEdWeek.Bot.Features.WeekSetup.RosterImport;
using VocEdWeek.Bot.Localization;

namespace VocEdWeek.Bot.Tests.Features.WeekSetup.RosterImport;

/// <summary>
/// CSV lists as each tool saves them (encodings, separators, quoted cells over several lines); row numbers are line
/// numbers. Each is read in full and previewed against the 2024 Wuxi sample roster.
/// </summary>
public sealed class RosterCsvFileTests
{
    private static readonly Strings Zh = Strings.For("zh-CN");

    [Fact]
    public void Chinese_Excel_csv_in_GB18030()
    {
        var sheet = RosterText.ReadFixture("09-excel-gb18030.csv");
        Assert.Equal(
        [
            "header 2",
            "机电工程学院 @3",
            "  张伟 zhangwei@college.example.edu.cn 13800000001 A r3",
            "信息工程学院 @4",
            "  李娜 lina@college.example.edu.cn - A r4",
            "建筑工程学院 @5",
            "  刘洋 liuyang@college.example.edu.cn - A r5",
            "  赵敏 zhaomin@college.example.edu.cn - B r5",
            "设计艺术学院 @6",
            "  陈静 chenjing@college.example.edu.cn - A r6",
            "经济管理学院 @7",
            "  王强 wangqiang@college.example.edu.cn - A r7",
        ], RosterText.Describe(sheet));
        Assert.Equal(
        [
            "找到 5 个部门、6 名联络员（表头在第 2 行）。",
            "与当前名单一致，没有变化。",
        ], RosterPreview.Compare(RosterText.Wuxi, sheet).Lines(Zh));
    }

    [Fact]
    public void Utf8_bom_csv_with_semicolons_and_a_blank_line()
    {
        var sheet = RosterText.ReadFixture("10-utf8-bom-semicolon.csv");
        Assert.Equal(
        [
            "header 1",
            "机电工程学院 @2",
            "  张伟 zhangwei@college.example.edu.cn 13800000001 A r2",
            "信息工程学院 @4",
            "  李娜 lina@college.example.edu.cn - A r4",
            "  周敏 zhoumin@college.example.edu.cn - B r5",
        ], RosterText.Describe(sheet));
        Assert.Equal(
        [
            "找到 2 个部门、3 名联络员（表头在第 1 行）。",
            "与当前名单相比：",
            "新增联络员：信息工程学院：周敏（B角）",
            "移除部门：经济管理学院",
            "移除部门：建筑工程学院",
            "移除部门：设计艺术学院",
        ], RosterPreview.Compare(RosterText.Wuxi, sheet).Lines(Zh));
    }

    [Fact]
    public void Utf8_csv_without_bom_quoted_cells_over_several_lines()
    {
        var sheet = RosterText.ReadFixture("11-utf8-no-bom.csv");
        Assert.Equal(
        [
            "header 1",
            "机电工程学院 @2",
            "  张伟 zhangwei@college.example.edu.cn 13800000001 A r2",
            "  李明 liming@college.example.edu.cn 13800000011 B r2",
            "设计艺术学院 @3",
            "  陈静 chenjing@college.example.edu.cn - A r3",
            "  黄磊 huanglei@college.example.edu.cn - B r3",
            "新能源学院 @7",
            "  吴昊 wuhao@college.example.edu.cn - A r7",
        ], RosterText.Describe(sheet));
        Assert.Equal(
        [
            "找到 3 个部门、5 名联络员（表头在第 1 行）。",
            "与当前名单相比：",
            "新增联络员：机电工程学院：李明（B角）",
            "新增联络员：设计艺术学院：黄磊（B角）",
            "新增部门：新能源学院（联络员：吴昊）",
            "移除部门：信息工程学院",
            "移除部门：经济管理学院",
            "移除部门：建筑工程学院",
        ], RosterPreview.Compare(RosterText.Wuxi, sheet).Lines(Zh));
    }

    [Fact]
    public void Utf16_tab_separated_with_a_renamed_department()
    {
        var sheet = RosterText.ReadFixture("12-utf16-tabs.csv");
        Assert.Equal(
        [
            "header 2",
            "机电工程学院 @3",
            "  张伟 zhangwei@college.example.edu.cn 13800000001 A r3",
            "信息技术学院 @4",
            "  李娜 lina@college.example.edu.cn - A r4",
            "经济管理学院 @5",
            "  王强 wangqiang@college.example.edu.cn - A r5",
            "建筑工程学院 @6",
            "  刘洋 liuyang@college.example.edu.cn - A r6",
            "  赵敏 zhaomin@college.example.edu.cn - B r7",
            "设计艺术学院 @8",
            "  陈静 chenjing@college.example.edu.cn - A r8",
        ], RosterText.Describe(sheet));
        Assert.Equal(
        [
            "找到 5 个部门、6 名联络员（表头在第 2 行）。",
            "与当前名单相比：",
            "部门改名：信息工程学院 → 信息技术学院",
        ], RosterPreview.Compare(RosterText.Wuxi, sheet).Lines(Zh));
    }
}
