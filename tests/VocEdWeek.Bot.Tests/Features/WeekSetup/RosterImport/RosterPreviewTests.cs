using System.Text.Json;
using VocEdWeek.Bot.Features.WeekSetup.RosterImport;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Tests.Features.WeekSetup.RosterImport;

/// <summary>What the preview would store: ids, Entra ids and phones kept, new ids never reused, loader-valid.</summary>
public sealed class RosterPreviewTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public void Matched_departments_keep_their_id_and_people_their_entra_id_new_ones_get_a_fresh_id()
    {
        var preview = RosterPreview.Compare(RosterText.Wuxi, RosterText.ReadFixture("01-merged-title-header-row3.xlsx"));
        var stored = preview.ToDepartments();
        Assert.Equal(["jd", "xx", "jg", "jz", "sj", "d01"], stored.Select(d => d.Id));
        Assert.Equal("11a150a0-0000-4000-8000-000000000001", stored[0].Liaisons[0].AadObjectId);
        Assert.Equal("11a150a0-0000-4000-8000-000000000002", stored[1].Liaisons[0].AadObjectId);
        Assert.Null(stored[5].Liaisons[0].AadObjectId);
        Assert.Equal(new Person { Name = "赵敏", Email = "zhaomin@college.example.edu.cn", Backup = true }, stored[3].Liaisons[1]);
        Assert.Equal(6, preview.DepartmentCount);
        Assert.Equal(7, preview.PeopleCount);
    }

    [Fact]
    public void A_new_id_is_never_one_a_current_department_has()
    {
        Department[] current = [new() { Id = "d01", Name = "机电工程学院" }, new() { Id = "D03", Name = "旧部门" }];
        var stored = RosterPreview.Compare(current, RosterText.ReadFixture("07-department-over-two-rows.xlsx")).ToDepartments();
        Assert.Equal(["d01", "d02", "d04"], stored.Select(d => d.Id));
    }

    [Fact]
    public void A_renamed_department_keeps_its_id_and_a_list_without_phones_keeps_the_phones_known()
    {
        var preview = RosterPreview.Compare(RosterText.Wuxi, RosterText.ReadFixture("12-utf16-tabs.csv"));
        var renamed = Assert.Single(preview.Changes, c => c.Kind == DepartmentChangeKind.Renamed);
        Assert.Equal(("信息技术学院", "信息工程学院", "xx"), (renamed.Name, renamed.OldName, renamed.CurrentId));
        var stored = preview.ToDepartments();
        Assert.Equal(["jd", "xx", "jg", "jz", "sj"], stored.Select(d => d.Id));
        Assert.Equal("信息技术学院", stored[1].Name);
        var sheet = RosterText.ReadFixture("03-fullwidth-spaces.xlsx");
        var noPhone = sheet with { Departments = [sheet.Departments[0] with { People = [sheet.Departments[0].People[0] with { Phone = null }] }] };
        var kept = RosterPreview.Compare(RosterText.Wuxi, noPhone);
        Assert.Equal("13800000001", kept.ToDepartments()[0].Liaisons[0].Phone);
        Assert.DoesNotContain(kept.Changes, c => c.Kind == DepartmentChangeKind.Kept && c.HasChanges);
    }

    [Fact]
    public void A_person_moving_department_keeps_their_entra_id_and_shows_as_removed_and_added()
    {
        Department[] current =
        [
            new() { Id = "a", Name = "甲学院", Liaisons = [new Person { Name = "张伟", Email = "zhangwei@college.example.edu.cn", AadObjectId = "11a150a0-0000-4000-8000-000000000001" }] },
            new() { Id = "b", Name = "机电工程学院", Liaisons = [new Person { Name = "孙丽", Email = "sunli@college.example.edu.cn" }] },
        ];
        var preview = RosterPreview.Compare(current, RosterText.ReadFixture("08-phone-as-number.xlsx"));
        Assert.Equal("11a150a0-0000-4000-8000-000000000001", preview.ToDepartments()[0].Liaisons[0].AadObjectId);
        Assert.Equal(
        [
            "找到 3 个部门、3 名联络员（表头在第 1 行）。",
            "与当前名单相比：",
            "更换联络员：机电工程学院：孙丽 → 张伟",
            "新增部门：信息工程学院（联络员：李娜）",
            "新增部门：经济管理学院（联络员：王强）",
            "移除部门：甲学院",
        ], preview.Lines(VocEdWeek.Bot.Localization.Strings.For("zh-CN")));
    }

    [Fact]
    public void An_empty_current_roster_makes_every_department_new()
    {
        var preview = RosterPreview.Compare([], RosterText.ReadFixture("10-utf8-bom-semicolon.csv"));
        Assert.NotEmpty(preview.Changes);
        Assert.All(preview.Changes, c => Assert.Equal(DepartmentChangeKind.Added, c.Kind));
        Assert.Equal(["d01", "d02"], preview.ToDepartments().Select(d => d.Id));
    }

    /// <summary>Whatever a list gives, what would be stored passes the week file's own rules.</summary>
    [Theory]
    [MemberData(nameof(RosterFixtureFilesTests.XlsxNames), MemberType = typeof(RosterFixtureFilesTests))]
    [MemberData(nameof(RosterFixtureFilesTests.CsvNames), MemberType = typeof(RosterFixtureFilesTests))]
    public void The_departments_to_store_load_as_a_week_file(string fileName)
    {
        var folder = fileName == RosterE2eFixture.Recipe.FileName ? Path.GetDirectoryName(RosterFixtureFilesTests.E2eFile)! : RosterFixtureFilesTests.Folder;
        var sheet = RosterFile.Read(File.ReadAllBytes(Path.Combine(folder, fileName)), fileName).Sheet!;
        var sample = WeekLoader.Load(Path.Combine(RepoPaths.Samples, "2024-wuxi.json"));
        var week = sample with { Departments = RosterPreview.Compare(sample.Departments, sheet).ToDepartments() };
        var loaded = WeekLoader.Parse(JsonSerializer.SerializeToUtf8Bytes(week, Web), "week.json");
        Assert.Equal(week.Departments.Select(d => (d.Id, d.Name, d.Liaisons.Count)), loaded.Departments.Select(d => (d.Id, d.Name, d.Liaisons.Count)));
    }
}
