using System.Text;
using static VocEdWeek.Bot.Tests.Features.WeekSetup.RosterImport.RosterXlsxFixtures;

namespace VocEdWeek.Bot.Tests.Features.WeekSetup.RosterImport;

/// <summary>
/// The .csv liaison lists under TestData/rosters, byte for byte as each tool saves them: Chinese Excel's
/// "CSV (逗号分隔)" in GB18030, UTF-8 with and without a BOM, and Excel's "Unicode text" (UTF-16, tabs).
/// </summary>
public static class RosterCsvFixtures
{
    public static readonly (string FileName, byte[] Bytes) ExcelGb18030 = ("09-excel-gb18030.csv", Gb18030(string.Join("\r\n",
        "2024年职业教育活动周联络员名单,,,,,",
        "序号,部门,联络员,手机,邮箱,AB角",
        $"1,机电工程学院,张伟,13800000001,zhangwei{Mail},A角",
        $"2,信息工程学院,李娜,,lina{Mail},A角",
        $"3,建筑工程学院,\"刘洋、赵敏\",,\"liuyang{Mail}、zhaomin{Mail}\",\"A角、B角\"",
        $"4,设计艺术学院,陈静,,chenjing{Mail},",
        $"5,经济管理学院,王强,,wangqiang{Mail},",
        "")));

    public static readonly (string FileName, byte[] Bytes) Utf8BomSemicolon = ("10-utf8-bom-semicolon.csv", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(string.Join("\n",
        "部门;联络员;电话;邮箱;角色",
        $"机电工程学院;张伟;13800000001;zhangwei{Mail};主",
        "",
        $"信息工程学院;李娜;;lina{Mail};",
        $"信息工程学院;周敏;;zhoumin{Mail};备份",
        ""))]);

    public static readonly (string FileName, byte[] Bytes) Utf8NoBom = ("11-utf8-no-bom.csv", Encoding.UTF8.GetBytes(string.Join("\r\n",
        "部门,联络员,手机,邮箱,备注",
        $"机电工程学院,\"张伟,李明\",\"13800000001,13800000011\",\"zhangwei{Mail},liming{Mail}\",",
        $"设计艺术学院,\"陈静\r\n黄磊\",,\"chenjing{Mail}\r\nhuanglei{Mail}\",\"A角\r\nB角\"",
        $"新能源学院,吴昊,,wuhao{Mail},",
        "")));

    public static readonly (string FileName, byte[] Bytes) Utf16Tabs = ("12-utf16-tabs.csv", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(string.Join("\r\n",
        "联络员名单",
        "学院\t联系人\t手机号\tE-mail\t角色",
        $"机电工程学院\t张伟\t13800000001\tzhangwei{Mail}\tA角",
        $"信息技术学院\t李娜\t\tlina{Mail}\tA角",
        $"经济管理学院\t王强\t\twangqiang{Mail}\t",
        $"建筑工程学院\t刘洋\t\tliuyang{Mail}\tA角",
        $"建筑工程学院\t赵敏\t\tzhaomin{Mail}\tB角",
        $"设计艺术学院\t陈静\t\tchenjing{Mail}\t",
        ""))]);

    public static IReadOnlyList<(string FileName, byte[] Bytes)> All { get; } = [ExcelGb18030, Utf8BomSemicolon, Utf8NoBom, Utf16Tabs];

    private static byte[] Gb18030(string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(54936).GetBytes(text);
    }
}
