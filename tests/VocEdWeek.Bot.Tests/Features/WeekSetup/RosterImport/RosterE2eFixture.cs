using static VocEdWeek.Bot.Tests.Features.WeekSetup.RosterImport.RosterXlsxFixtures;

namespace VocEdWeek.Bot.Tests.Features.WeekSetup.RosterImport;

/// <summary>
/// tests/e2e/fixtures/roster-2024-12.xlsx: the 2024 Wuxi college week's liaison list with twelve departments; the
/// first five have the liaisons of bot/Weeks/Samples/2024-wuxi.json.
/// </summary>
public static class RosterE2eFixture
{
    public static readonly XlsxRecipe Recipe = new("roster-2024-12.xlsx", true,
    [
        new("联络员名单",
        [
            (1, ["2024年职业教育活动周联络员名单"]),
            (2, ["序号", "部门", "联络员", "手机", "邮箱", "AB角"]),
            (3, [new Num("1"), "机电工程学院", "张伟", "13800000001", "zhangwei" + Mail, "A角"]),
            (4, [new Num("2"), "信息工程学院", "李娜", null, "lina" + Mail, "A角"]),
            (5, [new Num("3"), "经济管理学院", "王强", null, "wangqiang" + Mail, "A角"]),
            (6, [new Num("4"), "建筑工程学院", "刘洋", null, "liuyang" + Mail, "A角"]),
            (7, [new Num("5"), null, "赵敏", null, "zhaomin" + Mail, "B角"]),
            (8, [new Num("6"), "设计艺术学院", "陈静", null, "chenjing" + Mail, "A角"]),
            (9, [new Num("7"), "智能制造学院", "周杰", "13800000007", "zhoujie" + Mail, "A角"]),
            (10, [new Num("8"), "新能源汽车学院", "吴昊", "13800000008", "wuhao" + Mail, "A角"]),
            (11, [new Num("9"), "护理学院", "郑洁", "13800000009", "zhengjie" + Mail, "A角"]),
            (12, [new Num("10"), null, "冯涛", "13800000010", "fengtao" + Mail, "B角"]),
            (13, [new Num("11"), "马克思主义学院", "何平", null, "heping" + Mail, "A角"]),
            (14, [new Num("12"), "公共基础部", "黄磊", "13800000012", "huanglei" + Mail, "A角"]),
            (15, [new Num("13"), null, "林芳", null, "linfang" + Mail, "B角"]),
            (16, [new Num("14"), "继续教育学院", "许强", "13800000014", "xuqiang" + Mail, "A角"]),
            (17, [new Num("15"), "国际教育学院", "高雅", "13800000015", "gaoya" + Mail, "A角"]),
            (18, [new Num("16"), null, "罗斌", null, "luobin" + Mail, "B角"]),
        ], ["A1:F1", "B6:B7", "B11:B12", "B14:B15", "B17:B18"]),
    ]);
}
