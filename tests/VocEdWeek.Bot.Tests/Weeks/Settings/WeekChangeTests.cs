using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Weeks;
using VocEdWeek.Bot.Weeks.Settings;
using VocEdWeek.Bot.Weeks.Settings.Changes;

namespace VocEdWeek.Bot.Tests.Weeks.Settings;

/// <summary>Every <see cref="WeekChange"/> on the 2024 Wuxi week: what it makes, what it says for the log, and when it refuses.</summary>
public sealed class WeekChangeTests
{
    private static readonly WeekDefinition Wuxi = WeekLoader.Load(Path.Combine(RepoPaths.Samples, "2024-wuxi.json"));
    private static readonly Person LiMing = new() { Name = "李明", Email = "liming@college.example.edu.cn", Phone = "13800000011" };

    private static string Refusal(WeekChange change, WeekDefinition? week = null) =>
        Assert.Throws<WeekChangeRefused>(() => change.Apply(week ?? Wuxi)).Key;

    [Fact]
    public void AddDepartment_GetsAFreshId_AndRefusesABlankOrTakenName()
    {
        var change = new AddDepartment(" 智能制造学院 ");
        var after = change.Apply(Wuxi);

        Assert.Equal(("智能制造学院", "", "智能制造学院"), change.Describe(Wuxi));
        Assert.Equal(new Department { Id = "d01", Name = "智能制造学院" }.Name, after.Departments[^1].Name);
        Assert.Equal("d01", after.Departments[^1].Id);
        Assert.Equal(5, Wuxi.Departments.Count);
        Assert.Equal("settings_name_required", Refusal(new AddDepartment("  ")));
        Assert.Equal("settings_department_exists", Refusal(new AddDepartment("机电工程学院")));
    }

    [Fact]
    public void DepartmentIds_NeverReuseOneInUse()
    {
        var week = Wuxi with { Departments = [.. Wuxi.Departments, new Department { Id = "d01", Name = "甲" }, new Department { Id = "D02", Name = "乙" }] };
        Assert.Equal("d03", new AddDepartment("丙").Apply(week).Departments[^1].Id);
    }

    [Fact]
    public void RenameDepartment_KeepsTheId_AndRefusesUnknownBlankOrTaken()
    {
        var change = new RenameDepartment("jd", "智能制造学院");

        Assert.Equal("智能制造学院", change.Apply(Wuxi).Departments.Single(d => d.Id == "jd").Name);
        Assert.Equal(("jd", "机电工程学院", "智能制造学院"), change.Describe(Wuxi));
        Assert.Equal("settings_no_department", Refusal(new RenameDepartment("zz", "甲")));
        Assert.Equal("settings_name_required", Refusal(new RenameDepartment("jd", "")));
        Assert.Equal("settings_department_exists", Refusal(new RenameDepartment("jd", "信息工程学院")));
        Assert.Equal("机电工程学院", new RenameDepartment("jd", "机电工程学院").Apply(Wuxi).Departments[0].Name);
    }

    [Fact]
    public void RemoveDepartment_RemovesOnlyIt()
    {
        var change = new RemoveDepartment("sj");

        Assert.Equal(["jd", "xx", "jg", "jz"], change.Apply(Wuxi).Departments.Select(d => d.Id));
        Assert.Equal(("设计艺术学院", "陈静 <chenjing@college.example.edu.cn>", ""), change.Describe(Wuxi));
        Assert.Equal("settings_no_department", Refusal(new RemoveDepartment("zz")));
    }

    [Fact]
    public void ReplaceLiaison_PutsTheNewPersonInTheOldOnesPlace_KeepingBackupStatus()
    {
        var change = new ReplaceLiaison("jz", "zhaomin@college.example.edu.cn", LiMing);

        var jz = change.Apply(Wuxi).Departments.Single(d => d.Id == "jz");

        Assert.Equal(["刘洋", "李明"], jz.Liaisons.Select(p => p.Name));
        Assert.True(jz.Liaisons[1].Backup);
        Assert.Equal(("建筑工程学院", "赵敏 <zhaomin@college.example.edu.cn>", "李明 <liming@college.example.edu.cn>"), change.Describe(Wuxi));
        Assert.Equal("settings_no_person", Refusal(new ReplaceLiaison("jz", "nobody@college.example.edu.cn", LiMing)));
        Assert.Equal("settings_no_department", Refusal(new ReplaceLiaison("zz", "zhaomin@college.example.edu.cn", LiMing)));
        // One person answers for one department: 李娜 of 信息工程学院 cannot also take 机电工程学院.
        Assert.Equal("settings_person_elsewhere", Refusal(new ReplaceLiaison("jd", "zhangwei@college.example.edu.cn", new Person { Name = "李娜", Email = "lina@college.example.edu.cn" })));
        Assert.Equal("settings_person_elsewhere", Refusal(new AddLiaison("jd", new Person { Name = "李娜", Email = "LiNa@college.example.edu.cn", Backup = true })));
    }

    [Fact]
    public void AddLiaison_AddsALiaisonOrABackup_AndRefusesSomeoneListed()
    {
        var backup = new AddLiaison("jd", LiMing with { Backup = true });

        Assert.Equal("liaison.addBackup", backup.Kind);
        Assert.Equal("liaison.add", new AddLiaison("jd", LiMing).Kind);
        Assert.True(backup.Apply(Wuxi).Departments[0].Liaisons[^1].Backup);
        Assert.Equal("settings_person_listed", Refusal(new AddLiaison("jd", new Person { Name = "张伟", Email = "ZhangWei@college.example.edu.cn" })));
    }

    [Fact]
    public void RemoveLiaison_RemovesByEmailOrEntraId()
    {
        Assert.Empty(new RemoveLiaison("jd", "11a150a0-0000-4000-8000-000000000001").Apply(Wuxi).Departments[0].Liaisons);
        Assert.Equal(["刘洋"], new RemoveLiaison("jz", "zhaomin@college.example.edu.cn").Apply(Wuxi).Departments[3].Liaisons.Select(p => p.Name));
        Assert.Equal("settings_no_person", Refusal(new RemoveLiaison("jd", "lina@college.example.edu.cn")));
    }

    [Fact]
    public void ReplaceRoster_ReplacesEveryDepartment()
    {
        var change = new ReplaceRoster([new Department { Id = "a", Name = "甲", Liaisons = [LiMing] }], "名单.xlsx");

        Assert.Equal(["甲"], change.Apply(Wuxi).Departments.Select(d => d.Name));
        Assert.Equal(("名单.xlsx", "5 / 6", "1 / 1"), change.Describe(Wuxi));
    }

    [Fact]
    public void AddOfficeMember_MovesSomeoneBetweenRoles_AndRefusesOtherRoles()
    {
        var staff = Wuxi.Office.Staff[0];
        var change = new AddOfficeMember(Role.Admin, staff);

        var office = change.Apply(Wuxi).Office;

        Assert.Empty(office.Staff);
        Assert.Equal(["吴苏玲"], office.Admins.Select(p => p.Name));
        Assert.Equal(("吴苏玲 <wusuling@college.example.edu.cn>", "Staff", "Admin"), change.Describe(Wuxi));
        Assert.Equal("office.addObserver", new AddOfficeMember(Role.Observer, LiMing).Kind);
        Assert.Equal("settings_bad_role", Refusal(new AddOfficeMember(Role.Liaison, LiMing)));
    }

    [Fact]
    public void RemoveOfficeMember_RefusesSomeoneNotInTheOffice_AndTheLastOne()
    {
        var withAdmin = new AddOfficeMember(Role.Admin, LiMing).Apply(Wuxi);

        Assert.Empty(new RemoveOfficeMember("wusuling@college.example.edu.cn").Apply(withAdmin).Office.Staff);
        Assert.Equal(("李明 <liming@college.example.edu.cn>", "Admin", ""), new RemoveOfficeMember("liming@college.example.edu.cn").Describe(withAdmin));
        Assert.Equal("settings_not_office", Refusal(new RemoveOfficeMember("nobody@college.example.edu.cn")));
        Assert.Equal("settings_last_office", Refusal(new RemoveOfficeMember("wusuling@college.example.edu.cn")));
    }

    [Fact]
    public void MoveDeadline_MovesPlanStatisticsOrSummary_AndRefusesDailyReports()
    {
        var change = new MoveDeadline(ItemKind.Plan, new DateTime(2024, 5, 11, 17, 0, 0));

        Assert.Equal("2024-05-11T17:00", change.Apply(Wuxi).Deadlines.Plan);
        Assert.Equal(("Plan", "2024-05-12 12:00", "2024-05-11 17:00"), change.Describe(Wuxi));
        Assert.Equal("2024-05-20T09:00", new MoveDeadline(ItemKind.Summary, new DateTime(2024, 5, 20, 9, 0, 0)).Apply(Wuxi).Deadlines.Summary);
        Assert.Equal("settings_bad_item", Refusal(new MoveDeadline(ItemKind.DailyReport, new DateTime(2024, 5, 14, 9, 0, 0))));
    }

    [Fact]
    public void SetReportTime_ChangesEveryDaysDeadline()
    {
        var change = new SetReportTime(new TimeOnly(11, 30));
        var after = new ActiveWeek(change.Apply(Wuxi));

        Assert.Equal(new DateTimeOffset(2024, 5, 14, 11, 30, 0, TimeSpan.FromHours(8)), after.Calendar.DeadlineOf(new WeekItem(ItemKind.DailyReport, new DateOnly(2024, 5, 14))));
        Assert.Equal(("DailyReport", "12:00", "11:30"), change.Describe(Wuxi));
    }
}
