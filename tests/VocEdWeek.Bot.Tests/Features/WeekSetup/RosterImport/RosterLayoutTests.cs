using VocEdWeek.Bot.Features.WeekSetup.RosterImport;
using VocEdWeek.Bot.Localization;

namespace VocEdWeek.Bot.Tests.Features.WeekSetup.RosterImport;

/// <summary>
/// Lists laid out as offices make them: title rows, header rows further down, English headers, full-width text, a
/// department over several rows. Each is read in full and previewed against the 2024 Wuxi sample roster.
/// </summary>
public sealed class RosterLayoutTests
{
    private static readonly Strings Zh = Strings.For("zh-CN");

    [Fact]
    public void Merged_title_rows_and_header_on_row_3()
    {
        var sheet = RosterText.ReadFixture("01-merged-title-header-row3.xlsx");
        Assert.Equal(
        [
            "header 3",
            "机电工程学院 @4",
            "  张伟 zhangwei@college.example.edu.cn 13800000001 A r4",
            "信息工程学院 @5",
            "  李娜 lina@college.example.edu.cn 13800000002 A r5",
            "经济管理学院 @6",
            "  王强 wangqiang@college.example.edu.cn - A r6",
            "建筑工程学院 @7",
            "  刘洋 liuyang@college.example.edu.cn - A r7",
            "  赵敏 zhaomin@college.example.edu.cn - B r8",
            "设计艺术学院 @9",
            "  陈静 chenjing@college.example.edu.cn - A r9",
            "智能制造学院 @10",
            "  周杰 zhoujie@college.example.edu.cn 13800000007 A r10",
        ], RosterText.Describe(sheet));
        Assert.Equal(
        [
            "找到 6 个部门、7 名联络员（表头在第 3 行）。",
            "与当前名单相比：",
            "信息变更：信息工程学院：李娜（手机 无 → 13800000002）",
            "新增部门：智能制造学院（联络员：周杰）",
        ], RosterPreview.Compare(RosterText.Wuxi, sheet).Lines(Zh));
    }

    [Fact]
    public void English_headers_after_an_instructions_sheet()
    {
        var sheet = RosterText.ReadFixture("02-english-headers.xlsx");
        Assert.Equal(
        [
            "header 1",
            "Mechanical Engineering @2",
            "  Zhang Wei zhangwei@college.example.edu.cn 13800000001 A r2",
            "Information Engineering @3",
            "  Li Na lina@college.example.edu.cn - A r3",
            "  Sun Li sunli@college.example.edu.cn - B r4",
        ], RosterText.Describe(sheet));
        // Matched to the Chinese departments by their liaisons' e-mails: renamed, not removed and added.
        Assert.Equal(
        [
            "Found 2 departments and 3 liaisons (header on row 1).",
            "Compared with the current list:",
            "Department renamed: 机电工程学院 → Mechanical Engineering",
            "Details changed: Mechanical Engineering: Zhang Wei (name 张伟 → Zhang Wei)",
            "Department renamed: 信息工程学院 → Information Engineering",
            "Liaisons added: Information Engineering: Sun Li (backup)",
            "Details changed: Information Engineering: Li Na (name 李娜 → Li Na)",
            "Department removed: 经济管理学院",
            "Department removed: 建筑工程学院",
            "Department removed: 设计艺术学院",
        ], RosterPreview.Compare(RosterText.Wuxi, sheet).Lines(Strings.For("en-US")));
    }

    [Fact]
    public void Full_width_characters_stray_spaces_and_empty_rows()
    {
        var sheet = RosterText.ReadFixture("03-fullwidth-spaces.xlsx");
        Assert.Equal(
        [
            "header 1",
            "机电工程学院 @2",
            "  张伟 zhangwei@college.example.edu.cn 13800000001 A r2",
            "信息工程学院 @5",
            "  李娜 lina@college.example.edu.cn - A r5",
            "经济管理学院 @6",
            "  王强 WangQiang@College.Example.edu.cn - A r6",
        ], RosterText.Describe(sheet));
        Assert.Equal(
        [
            "找到 3 个部门、3 名联络员（表头在第 1 行）。",
            "与当前名单相比：",
            "移除部门：建筑工程学院",
            "移除部门：设计艺术学院",
        ], RosterPreview.Compare(RosterText.Wuxi, sheet).Lines(Zh));
    }

    [Fact]
    public void Department_over_two_rows_merged_or_left_empty()
    {
        var sheet = RosterText.ReadFixture("07-department-over-two-rows.xlsx");
        Assert.Equal(
        [
            "header 1",
            "机电工程学院 @2",
            "  张伟 zhangwei@college.example.edu.cn 13800000001 A r2",
            "  李明 liming@college.example.edu.cn 13800000011 B r3",
            "建筑工程学院 @4",
            "  刘洋 liuyang@college.example.edu.cn - A r4",
            "  赵敏 zhaomin@college.example.edu.cn - B r5",
            "信息工程学院 @6",
            "  李娜 lina@college.example.edu.cn - A r6",
            "  孙丽 sunli@college.example.edu.cn - B r7",
        ], RosterText.Describe(sheet));
        Assert.Equal(
        [
            "找到 3 个部门、6 名联络员（表头在第 1 行）。",
            "与当前名单相比：",
            "新增联络员：机电工程学院：李明（B角）",
            "新增联络员：信息工程学院：孙丽（B角）",
            "移除部门：经济管理学院",
            "移除部门：设计艺术学院",
        ], RosterPreview.Compare(RosterText.Wuxi, sheet).Lines(Zh));
    }
}
