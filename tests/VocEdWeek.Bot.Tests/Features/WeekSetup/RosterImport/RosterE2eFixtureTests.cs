using VocEdWeek.Bot.Features.WeekSetup.RosterImport;

namespace VocEdWeek.Bot.Tests.Features.WeekSetup.RosterImport;

/// <summary>The e2e suite's liaison list: twelve departments, no problems, the sample week's five unchanged.</summary>
public sealed class RosterE2eFixtureTests
{
    [Fact]
    public void The_2024_list_has_twelve_departments_no_problems_and_the_sample_liaisons_first()
    {
        var path = RosterFixtureFilesTests.E2eFile;
        var read = RosterFile.Read(File.ReadAllBytes(path), Path.GetFileName(path));
        var sheet = read.Sheet!;
        Assert.Equal(12, sheet.Departments.Count);
        Assert.Empty(sheet.Problems);
        Assert.Equal(2, sheet.HeaderRow);
        var sample = RosterText.Wuxi.Select(d => (d.Name, string.Join(";", d.Liaisons.Select(p => $"{p.Name} {p.Email} {p.Phone} {p.Backup}"))));
        var imported = sheet.Departments.Take(5).Select(d => (d.Name, string.Join(";", d.People.Select(p => $"{p.Name} {p.Email} {p.Phone} {p.Backup}"))));
        Assert.Equal(sample, imported);
        Assert.Equal(3, sheet.Departments.Skip(5).Count(d => d.People.Any(p => p.Backup)));

        var preview = RosterPreview.Compare(RosterText.Wuxi, sheet);
        Assert.Equal(7, preview.Changes.Count(c => c.Kind == DepartmentChangeKind.Added));
        Assert.Equal(5, preview.Changes.Count(c => c.Kind == DepartmentChangeKind.Kept && !c.HasChanges));
        Assert.Equal(["jd", "xx", "jg", "jz", "sj", "d01", "d02", "d03", "d04", "d05", "d06", "d07"], preview.ToDepartments().Select(d => d.Id));
    }
}
