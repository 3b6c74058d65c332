namespace VocEdWeek.Bot.Tests.Features.WeekSetup.RosterImport;

/// <summary>
/// The messy .xlsx liaison lists under TestData/rosters, as recipes. The committed files are made from these
/// (<see cref="RosterFixtureFilesTests"/>); the expected readings are in the tests named after what each file shows.
/// </summary>
public static class RosterXlsxFixtures
{
    public const string Mail = "@college.example.edu.cn";

    public static readonly XlsxRecipe MergedTitleHeaderRow3 = new("01-merged-title-header-row3.xlsx", true,
    [
        new("Sheet1",
        [
            (1, ["2024年职业教育活动周联络员名单"]),
            (2, ["填报单位：教务处", null, "联系人：吴苏玲", "联系电话：0510-80000000"]),
            (3, ["序号", "部门", "联络员", "手机", "邮箱", "AB角"]),
            (4, [new Num("1"), "机电工程学院", "张伟", "13800000001", "zhangwei" + Mail, "A角"]),
            (5, [new Num("2"), "信息工程学院", "李娜", "13800000002", "lina" + Mail, "A角"]),
            (6, [new Num("3"), "经济管理学院", "王强", null, "wangqiang" + Mail]),
            (7, [new Num("4"), "建筑工程学院", "刘洋", null, "liuyang" + Mail, "A角"]),
            (8, [new Num("5"), "建筑工程学院", "赵敏", null, "zhaomin" + Mail, "B角"]),
            (9, [new Num("6"), "设计艺术学院", "陈静", null, "chenjing" + Mail, "A角"]),
            (10, [new Num("7"), "智能制造学院", "周杰", "13800000007", "zhoujie" + Mail, "A角"]),
        ], ["A1:F1", "A2:B2"]),
    ]);

    public static readonly XlsxRecipe EnglishHeaders = new("02-english-headers.xlsx", false,
    [
        new("Instructions",
        [
            (1, ["How to fill in this list"]),
            (2, ["One row per liaison; write the department on every row."]),
        ], []),
        new("Liaisons",
        [
            (1, ["No.", "Dept.", "Liaison Name", "Mobile", "E-mail", "Role"]),
            (2, [new Num("1"), "Mechanical Engineering", "Zhang Wei", new Num("13800000001"), "zhangwei" + Mail, "Primary"]),
            (3, [new Num("2"), "Information Engineering", "Li Na", null, "lina" + Mail, "primary"]),
            (4, [new Num("3"), "Information Engineering", "Sun Li", null, "sunli" + Mail, "Backup"]),
        ], []),
    ]);

    public static readonly XlsxRecipe FullWidthAndSpaces = new("03-fullwidth-spaces.xlsx", true,
    [
        new("名单",
        [
            (1, [" 部  门 ", "联 络 员", "手机号", "电子邮箱 ", "备注"]),
            (2, ["机电工程学院\u3000", "张\u3000伟", "１３８０００００００１", "ｚｈａｎｇｗｅｉ＠ｃｏｌｌｅｇｅ．ｅｘａｍｐｌｅ．ｅｄｕ．ｃｎ"]),
            (4, ["  ", " ", "", "   "]),
            (5, [" 信息工程学院", " 李娜 ", null, "  lina" + Mail + "  ", "Ａ角"]),
            (6, ["经济管理学院", "王强", null, "WangQiang@College.Example.edu.cn"]),
        ], []),
    ]);

    public static readonly XlsxRecipe TwoInACell = new("04-two-in-a-cell.xlsx", true,
    [
        new("Sheet1",
        [
            (1, ["部门", "联络员", "联系电话", "邮箱", "AB角"]),
            (2, ["机电工程学院", "张伟、李明", "13800000001、13800000011", "zhangwei" + Mail + "、liming" + Mail]),
            (3, ["信息工程学院", "李娜,孙丽", null, "lina" + Mail + ",sunli" + Mail, "B角,A角"]),
            (4, ["经济管理学院", "王强/何平", "13800000003/13800000013", "wangqiang" + Mail + "/heping" + Mail]),
            (5, ["建筑工程学院", "刘洋 赵敏", null, "liuyang" + Mail + " zhaomin" + Mail, "A角 B角"]),
            (6, ["设计艺术学院", "陈静\n黄磊", null, "chenjing" + Mail + "\nhuanglei" + Mail]),
        ], []),
    ]);

    public static readonly XlsxRecipe MissingAndMalformedEmails = new("05-missing-malformed-emails.xlsx", true,
    [
        new("Sheet1",
        [
            (1, ["2024年活动周各学院负责人"]),
            (2, ["序号", "二级学院", "负责人", "手机", "邮箱"]),
            (3, [new Num("1"), "机电工程学院", "张伟", "13800000001", "zhangwei" + Mail]),
            (4, [new Num("2"), "信息工程学院", "李娜", null, "lina@college"]),
            (5, [new Num("3"), "经济管理学院", "王芳", "13800000005"]),
            (6, [new Num("4"), "经济管理学院", "王强", null, "wangqiang" + Mail]),
            (7, [new Num("5"), "建筑工程学院", "刘洋", null, "liuyang college.example.edu.cn"]),
            (8, [new Num("6"), "设计艺术学院", "陈静", null, "chenjing" + Mail]),
            (9, [new Num("7"), "马克思主义学院"]),
            (10, [null, null, null, "13900000000"]),
        ], []),
    ]);

    public static readonly XlsxRecipe Duplicates = new("06-duplicates.xlsx", true,
    [
        new("Sheet1",
        [
            (1, ["部门", "姓名", "电话", "Email"]),
            (2, ["机电工程学院", "张伟", null, "zhangwei" + Mail]),
            (3, ["机电工程学院", "张伟", "13800000001", "ZhangWei" + Mail]),
            (4, ["信息工程学院", "张伟", null, "zhangwei" + Mail]),
            (5, [null, "李娜", null, "lina" + Mail]),
        ], []),
    ]);

    public static readonly XlsxRecipe DepartmentOverTwoRows = new("07-department-over-two-rows.xlsx", true,
    [
        new("Sheet1",
        [
            (1, ["序号", "部门", "联络员", "手机", "邮箱", "AB角"]),
            (2, [new Num("1"), "机电工程学院", "张伟", "13800000001", "zhangwei" + Mail, "A角"]),
            (3, [new Num("2"), null, "李明", "13800000011", "liming" + Mail, "B角"]),
            (4, [new Num("3"), "建筑工程学院", "刘洋", null, "liuyang" + Mail, "A角"]),
            (5, [new Num("4"), null, "赵敏", null, "zhaomin" + Mail, "B角"]),
            (6, [new Num("5"), "信息工程学院", "李娜", null, "lina" + Mail, "A角"]),
            (7, [new Num("6"), null, "孙丽", null, "sunli" + Mail, "B角"]),
        ], ["B2:B3", "B6:B7"]),
    ]);

    public static readonly XlsxRecipe PhoneAsNumber = new("08-phone-as-number.xlsx", true,
    [
        new("Sheet1",
        [
            (1, ["部门", "联络员", "手机", "邮箱"]),
            (2, ["机电工程学院", "张伟", new Num("13800000001"), "zhangwei" + Mail]),
            (3, ["信息工程学院", "李娜", new Num("1.3800000002E10"), "lina" + Mail]),
            (4, ["经济管理学院", "王强", new Num("1.3800000003E+10"), "wangqiang" + Mail]),
        ], []),
    ]);

    public static IReadOnlyList<XlsxRecipe> All { get; } =
        [MergedTitleHeaderRow3, EnglishHeaders, FullWidthAndSpaces, TwoInACell, MissingAndMalformedEmails, Duplicates, DepartmentOverTwoRows, PhoneAsNumber];
}
