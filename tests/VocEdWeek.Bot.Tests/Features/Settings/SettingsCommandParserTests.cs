using VocEdWeek.Bot.Features.Settings;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Tests.Features.Settings;

/// <summary>The typed shortcuts, in Chinese and English, loose wording and full-width characters; and what is not one.</summary>
public sealed class SettingsCommandParserTests
{
    private static readonly ActiveWeek Wuxi = new(WeekLoader.Load(Path.Combine(RepoPaths.Samples, "2024-wuxi.json")));
    private static readonly DateOnly Tuesday = new(2024, 5, 14);

    private static SettingsParse Parse(string text)
    {
        var (name, args) = SettingsCommand.Find(text) ?? throw new Xunit.Sdk.XunitException($"'{text}' is not a settings shortcut.");
        return SettingsCommandParser.Parse(name, args, Wuxi, Tuesday);
    }

    private static SettingsProposal Proposal(string text) =>
        Parse(text).Proposal ?? throw new Xunit.Sdk.XunitException($"'{text}': {Parse(text).ErrorKey}");

    [Theory]
    [InlineData("更换联络员 机电工程学院 李明 liming@college.example.edu.cn 13800000011")]
    [InlineData("更换联络员：机电，李明，liming@college.example.edu.cn，13800000011")]
    [InlineData("ｒｅｐｌａｃｅ ｌｉａｉｓｏｎ jd 李明 liming@college.example.edu.cn 13800000011")]
    [InlineData("Replace liaison 机电工程学院 李明 <liming@college.example.edu.cn> 13800000011")]
    public void ReplaceLiaison_TakesTheDepartmentsLiaison(string text)
    {
        var p = Proposal(text);

        Assert.Equal(("liaison.replace", "jd", "zhangwei@college.example.edu.cn"), (p.Kind, p.DepartmentId, p.OldKey));
        Assert.Equal(("李明", "liming@college.example.edu.cn", "13800000011"), (p.Name, p.Email, p.Phone));
    }

    [Fact]
    public void ReplaceLiaison_ReplacesTheMainLiaison_AndWithTwoAsksWhich()
    {
        // 建筑工程学院: 刘洋, and 赵敏 as backup — the shortcut means 刘洋.
        Assert.Equal("liuyang@college.example.edu.cn", Proposal("更换联络员 建筑工程学院 李明 liming@college.example.edu.cn").OldKey);
        var jz = Wuxi.Department("jz")!;
        var twoMain = new ActiveWeek(Wuxi.Definition with
        {
            Departments = Wuxi.Definition.Departments.Select(d => d.Id == "jz" ? d with { Liaisons = d.Liaisons.Select(p => p with { Backup = false }).ToList() } : d).ToList(),
        });
        var (name, args) = SettingsCommand.Find("更换联络员 建筑工程学院 李明 liming@college.example.edu.cn")!.Value;
        Assert.Equal("settings_which_liaison", SettingsCommandParser.Parse(name, args, twoMain, Tuesday).ErrorKey);
        Assert.Equal(2, jz.Liaisons.Count);
    }

    [Fact]
    public void Departments_AddRenameRemove()
    {
        Assert.Equal(("department.add", "智能制造学院"), (Proposal("添加部门 智能制造学院").Kind, Proposal("添加部门 智能制造学院").Name));
        var rename = Proposal("rename department jd to Smart Manufacturing");
        Assert.Equal(("department.rename", "jd", "smart manufacturing"), (rename.Kind, rename.DepartmentId, rename.Name!.ToLowerInvariant()));
        Assert.Equal(("department.remove", "sj"), (Proposal("删除部门 设计艺术学院").Kind, Proposal("删除部门 设计艺术学院").DepartmentId));
        Assert.Equal("settings_department_ambiguous", Parse("删除部门 工程").ErrorKey);
        Assert.Equal("settings_department_unknown", Parse("删除部门 数学").ErrorKey);
    }

    [Theory]
    [InlineData("添加管理员 王强 wangqiang@college.example.edu.cn", "office.addAdmin", Role.Admin)]
    [InlineData("添加观察员 陈校长 0b5e7e00-0000-4000-8000-000000000001", "office.addObserver", Role.Observer)]
    [InlineData("add staff 王五 wangwu@college.example.edu.cn", "office.addStaff", Role.Staff)]
    public void OfficeMembers(string text, string kind, Role role)
    {
        var p = Proposal(text);
        Assert.Equal((kind, role), (p.Kind, p.Role));
        Assert.NotNull(p.Email ?? p.AadObjectId);
    }

    [Fact]
    public void Remove_TakesAnEmailOrAnOfficeName_AndLeavesExemptionsAlone()
    {
        Assert.Equal("wangqiang@college.example.edu.cn", Proposal("移除 wangqiang@college.example.edu.cn").OldKey);
        Assert.Equal("wusuling@college.example.edu.cn", Proposal("移除 吴苏玲").OldKey);
        Assert.Null(SettingsCommand.Find("remove exemption 机电 5月14日"));
        Assert.Null(SettingsCommand.Find("移除免报 机电"));
    }

    [Theory]
    [InlineData("计划截止 5月11日 17:00", ItemKind.Plan, "2024-05-11T17:00")]
    [InlineData("统计截止时间 5月20日 12点", ItemKind.Statistics, "2024-05-20T12:00")]
    [InlineData("总结截止 2024-05-21", ItemKind.Summary, "2024-05-21T17:30")]
    [InlineData("plan deadline May 11 17:00", ItemKind.Plan, "2024-05-11T17:00")]
    public void Deadlines(string text, ItemKind item, string when)
    {
        var p = Proposal(text);
        Assert.Equal(("deadline.move", item, when), (p.Kind, p.Item, p.When));
    }

    [Fact]
    public void ReportTime_AndQuestionsThatAreNoShortcut()
    {
        Assert.Equal("11:30", Proposal("日报时间 11:30").When);
        Assert.Equal("11:30", Proposal("report time 11：30").When);
        Assert.Null(SettingsCommand.Find("计划截止时间是什么时候"));
        Assert.Null(SettingsCommand.Find("日报时间"));
        Assert.Null(SettingsCommand.Find("日报截止 5月14日 谁没交"));
        Assert.Equal("settings_bad_date", Parse("计划截止 2月30日 17:00").ErrorKey);
    }

    [Fact]
    public void WeekExempt_TakesTheReason()
    {
        var p = Proposal("全周免报 设计艺术学院 外出参赛");
        Assert.Equal((SettingsProposal.WeekExempt, "sj", "外出参赛"), (p.Kind, p.DepartmentId, p.Reason));
        Assert.Null(Proposal("exempt week sj").Reason);
    }
}
