using VocEdWeek.Bot.Features.WeekSetup.RosterImport;

namespace VocEdWeek.Bot.Tests.Features.WeekSetup.RosterImport;

/// <summary>The small rules: header words, splitting people, roles, numbers, e-mails.</summary>
public sealed class RosterCellTests
{
    [Theory]
    [InlineData("部门", "Department")]
    [InlineData("部门名称", "Department")]
    [InlineData("系部", "Department")]
    [InlineData("Dept", "Department")]
    [InlineData("Department Name", "Department")]
    [InlineData("部门联络员", "Name")]
    [InlineData("联络员姓名", "Name")]
    [InlineData("Contact", "Name")]
    [InlineData("联系人手机", "Phone")]
    [InlineData("Tel", "Phone")]
    [InlineData("E-mail", "Email")]
    [InlineData("邮箱地址", "Email")]
    [InlineData("A/B角", "Role")]
    [InlineData("序号", "Numbering")]
    [InlineData("No.", "Numbering")]
    [InlineData("联系人：吴苏玲", "None")]
    [InlineData("2024年职业教育活动周联络员名单", "None")]
    [InlineData("", "None")]
    public void Header_words(string cell, string kind) => Assert.Equal(kind, RosterHeader.Classify(cell).ToString());

    [Theory]
    [InlineData("张伟、李明", "张伟|李明")]
    [InlineData("张伟,李明", "张伟|李明")]
    [InlineData("张伟/李明", "张伟|李明")]
    [InlineData("张伟 李明", "张伟|李明")]
    [InlineData("欧阳娜娜 李明", "欧阳娜娜|李明")]
    [InlineData("张 伟", "张伟")]
    [InlineData("Zhang Wei", "Zhang Wei")]
    [InlineData("Zhang Wei,Li Ming", "Zhang Wei|Li Ming")]
    [InlineData("", "")]
    public void Names_in_a_cell(string cell, string expected) =>
        Assert.Equal(expected, string.Join("|", CellSplit.Names(CellText.Clean(cell))));

    [Theory]
    [InlineData("B角", true)]
    [InlineData("b", true)]
    [InlineData("备份", true)]
    [InlineData("备用联络员", true)]
    [InlineData("副主任", true)]
    [InlineData("Backup", true)]
    [InlineData("A角", false)]
    [InlineData("主", false)]
    [InlineData("Primary", false)]
    [InlineData("", null)]
    [InlineData("办公室", null)]
    public void Roles(string role, bool? backup) => Assert.Equal(backup, CellSplit.IsBackup(CellText.Clean(role)));

    [Theory]
    [InlineData("13800000001", "13800000001")]
    [InlineData("1.3800000001E10", "13800000001")]
    [InlineData("1.38000000010E+10", "13800000001")]
    [InlineData("2.5", "2.5")]
    [InlineData("x", "x")]
    public void Numbers(string raw, string text) => Assert.Equal(text, CellText.Number(raw));

    [Theory]
    [InlineData("zhangwei@college.example.edu.cn", true)]
    [InlineData("lina@college", false)]
    [InlineData("张伟 <zhangwei@college.example.edu.cn>", false)]
    [InlineData("zhangwei@@college.example.edu.cn", false)]
    [InlineData("zhangwei college.example.edu.cn", false)]
    public void Emails(string email, bool valid) => Assert.Equal(valid, EmailText.IsValid(email));

    [Fact]
    public void A_header_repeated_for_printing_and_a_note_below_the_list_are_not_departments()
    {
        var csv = "部门,联络员,邮箱\n机电工程学院,张伟,zhangwei@college.example.edu.cn\n部门,联络员,邮箱\n信息工程学院,李娜,lina@college.example.edu.cn\n注：请于5月10日前报送,,\n";
        var sheet = RosterFile.Read(System.Text.Encoding.UTF8.GetBytes(csv), "a.csv").Sheet!;
        Assert.Equal(["header 1", "机电工程学院 @2", "  张伟 zhangwei@college.example.edu.cn - A r2", "信息工程学院 @4", "  李娜 lina@college.example.edu.cn - A r4"], RosterText.Describe(sheet));
    }

    [Fact]
    public void Full_width_text_and_stray_spaces_fold() =>
        Assert.Equal("zhangwei@college.cn 张 伟", CellText.Clean("\u200B ｚｈａｎｇｗｅｉ＠ｃｏｌｌｅｇｅ．ｃｎ\u3000张　　伟 "));
}
