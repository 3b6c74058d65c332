using VocEdWeek.Bot.Features.WeekSetup.RosterImport;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Tests.Features.WeekSetup.RosterImport;

/// <summary>A reading written out line by line, so a test states the whole expected result at once.</summary>
public static class RosterText
{
    public static IReadOnlyList<Department> Wuxi { get; } = WeekLoader.Load(Path.Combine(RepoPaths.Samples, "2024-wuxi.json")).Departments;

    public static RosterSheet ReadFixture(string fileName)
    {
        var read = RosterFile.Read(File.ReadAllBytes(Path.Combine(RosterFixtureFilesTests.Folder, fileName)), fileName);
        Assert.Null(read.FailureKey);
        return read.Sheet!;
    }

    /// <summary>"部门 @row", then "  name email phone A|B row" per person, then "! row Kind name (detail)" per problem.</summary>
    public static IReadOnlyList<string> Describe(RosterSheet sheet)
    {
        var lines = new List<string> { $"header {sheet.HeaderRow}" };
        foreach (var d in sheet.Departments)
        {
            lines.Add($"{d.Name} @{d.FirstRow}");
            lines.AddRange(d.People.Select(p => $"  {p.Name} {p.Email} {p.Phone ?? "-"} {(p.Backup ? "B" : "A")} r{p.Row}"));
        }
        lines.AddRange(sheet.Problems.Select(p => $"! r{p.Row} {p.Kind} {p.Name}{(p.Detail is null ? "" : $" ({p.Detail})")}"));
        return lines;
    }
}
