namespace VocEdWeek.Bot.Tests.Fakes;

/// <summary>Finds the repository and its recorded fixtures, from the test's output folder.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Samples => Path.Combine(Root, "bot", "Weeks", "Samples");

    /// <summary>Recorded Teams payloads with their sources (<c>tests/fixtures/teams/SOURCES.md</c>); a clone needs nothing beside it.</summary>
    public static string TeamsFixtures => Path.Combine(Root, "tests", "fixtures", "teams");

    public static string Artifacts(string sub)
    {
        var dir = Path.Combine(Root, "artifacts", sub);
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "VocEdWeek.Bot.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("VocEdWeek.Bot.sln not found above the test output folder.");
    }
}
