namespace VocEdWeek.Bot.Tests.Cards;

/// <summary>Locates files in the repository from the test output folder.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The folder that holds VocEdWeek.Bot.sln, found by walking up from the test binaries.</summary>
    public static string Root => LazyRoot.Value;

    public static string CardsJs => Path.Combine(Root, "tests", "cards-js");

    public static string TemplateCases => Path.Combine(Root, "tests", "VocEdWeek.Bot.Tests", "Cards", "TemplateCases");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "VocEdWeek.Bot.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"No VocEdWeek.Bot.sln above {AppContext.BaseDirectory}.");
    }
}
