using VocEdWeek.Bot.Features.WeekSetup.RosterImport;
using VocEdWeek.Bot.Localization;

namespace VocEdWeek.Bot.Tests.Features.WeekSetup.RosterImport;

/// <summary>
/// What is in the people cells: two people in one cell, missing and malformed e-mails, duplicates, phones stored as
/// numbers. Each list is read in full and previewed against the 2024 Wuxi sample roster.
/// </summary>
public sealed class RosterPeopleCellTests
{
    private static readonly Strings Zh = Strings.For("zh-CN");

    [Fact]
    public void Two_people_in_one_cell_paired_by_position()
    {
        var sheet = RosterText.ReadFixture("04-two-in-a-cell.xlsx");
        Assert.Equal(
        [
            "header 1",
            "机电工程学院 @2",
            "  张伟 zhangwei@college.example.edu.cn 13800000001 A r2",
            "  李明 liming@college.example.edu.cn 13800000011 B r2",
            "信息工程学院 @3",
            "  李娜 lina@college.example.edu.cn - B r3",
            "  孙丽 sunli@college.example.edu.cn - A r3",
            "经济管理学院 @4",
            "  王强 wangqiang@college.example.edu.cn 13800000003 A r4",
            "  何平 heping@college.example.edu.cn 13800000013 B r4",
            "建筑工程学院 @5",
            "  刘洋 liuyang@college.example.edu.cn - A r5",
            "  赵敏 zhaomin@college.example.edu.cn - B r5",
            "设计艺术学院 @6",
            "  陈静 chenjing@college.example.edu.cn - A r6",
            "  黄磊 huanglei@college.example.edu.cn - B r6",
        ], RosterText.Describe(sheet));
        Assert.Equal(
        [
            "找到 5 个部门、10 名联络员（表头在第 1 行）。",
            "与当前名单相比：",
            "新增联络员：机电工程学院：李明（B角）",
            "新增联络员：信息工程学院：孙丽",
            "信息变更：信息工程学院：李娜（改为 B角）",
            "新增联络员：经济管理学院：何平（B角）",
            "信息变更：经济管理学院：王强（手机 无 → 13800000003）",
            "新增联络员：设计艺术学院：黄磊（B角）",
        ], RosterPreview.Compare(RosterText.Wuxi, sheet).Lines(Zh));
    }

    [Fact]
    public void Missing_and_malformed_emails_are_reported_not_imported()
    {
        var sheet = RosterText.ReadFixture("05-missing-malformed-emails.xlsx");
        Assert.Equal(
        [
            "header 2",
            "机电工程学院 @3",
            "  张伟 zhangwei@college.example.edu.cn 13800000001 A r3",
            "信息工程学院 @4",
            "经济管理学院 @5",
            "  王强 wangqiang@college.example.edu.cn - A r6",
            "建筑工程学院 @7",
            "设计艺术学院 @8",
            "  陈静 chenjing@college.example.edu.cn - A r8",
            "马克思主义学院 @9",
            "! r4 MalformedEmail 李娜 (lina@college)",
            "! r4 DepartmentWithoutLiaison 信息工程学院",
            "! r5 MissingEmail 王芳",
            "! r7 MalformedEmail 刘洋 (liuyang college.example.edu.cn)",
            "! r7 DepartmentWithoutLiaison 建筑工程学院",
            "! r9 DepartmentWithoutLiaison 马克思主义学院",
            "! r10 MissingName 马克思主义学院 (13900000000)",
        ], RosterText.Describe(sheet));
        Assert.Equal(
        [
            "找到 6 个部门、3 名联络员（表头在第 2 行）。",
            "需要处理的问题（7 处）：",
            "第 4 行：李娜 的邮箱“lina@college”格式不正确，未导入",
            "第 4 行：信息工程学院 没有可导入的联络员",
            "第 5 行：王芳 没有邮箱，未导入",
            "第 7 行：刘洋 的邮箱“liuyang college.example.edu.cn”格式不正确，未导入",
            "第 7 行：建筑工程学院 没有可导入的联络员",
            "第 9 行：马克思主义学院 没有可导入的联络员",
            "第 10 行：有联系方式（13900000000）但没有姓名，未导入",
            "与当前名单相比：",
            "移除联络员：信息工程学院：李娜",
            "移除联络员：建筑工程学院：刘洋、赵敏（B角）",
            "新增部门：马克思主义学院（联络员：无）",
        ], RosterPreview.Compare(RosterText.Wuxi, sheet).Lines(Zh));
    }

    [Fact]
    public void Duplicate_emails_first_wins()
    {
        var sheet = RosterText.ReadFixture("06-duplicates.xlsx");
        Assert.Equal(
        [
            "header 1",
            "机电工程学院 @2",
            "  张伟 zhangwei@college.example.edu.cn 13800000001 A r2",
            "信息工程学院 @4",
            "  李娜 lina@college.example.edu.cn - A r5",
            "! r3 DuplicatePerson 张伟 (机电工程学院)",
            "! r4 DuplicatePerson 张伟 (机电工程学院)",
        ], RosterText.Describe(sheet));
        Assert.Equal(
        [
            "找到 2 个部门、2 名联络员（表头在第 1 行）。",
            "需要处理的问题（2 处）：",
            "第 3 行：张伟 的邮箱已在“机电工程学院”中出现，只保留第一次",
            "第 4 行：张伟 的邮箱已在“机电工程学院”中出现，只保留第一次",
            "与当前名单相比：",
            "移除部门：经济管理学院",
            "移除部门：建筑工程学院",
            "移除部门：设计艺术学院",
        ], RosterPreview.Compare(RosterText.Wuxi, sheet).Lines(Zh));
    }

    [Fact]
    public void Phones_stored_as_numbers_come_back_as_digits()
    {
        var sheet = RosterText.ReadFixture("08-phone-as-number.xlsx");
        Assert.Equal(
        [
            "header 1",
            "机电工程学院 @2",
            "  张伟 zhangwei@college.example.edu.cn 13800000001 A r2",
            "信息工程学院 @3",
            "  李娜 lina@college.example.edu.cn 13800000002 A r3",
            "经济管理学院 @4",
            "  王强 wangqiang@college.example.edu.cn 13800000003 A r4",
        ], RosterText.Describe(sheet));
        Assert.Equal(
        [
            "找到 3 个部门、3 名联络员（表头在第 1 行）。",
            "与当前名单相比：",
            "信息变更：信息工程学院：李娜（手机 无 → 13800000002）",
            "信息变更：经济管理学院：王强（手机 无 → 13800000003）",
            "移除部门：建筑工程学院",
            "移除部门：设计艺术学院",
        ], RosterPreview.Compare(RosterText.Wuxi, sheet).Lines(Zh));
    }
}
