namespace VocEdWeek.Bot.Tests.Architecture;

/// <summary>
/// bot/App composes the features (the route table, AddBotApp, the router); the features build on the handler contracts in
/// bot/Handlers and the words in bot/Words. If a feature used App, or Handlers or Words used a feature, App and the
/// features would depend on each other again (the cycle issue 12 removed).
/// </summary>
public sealed class CompositionSeamTests
{
    private const string App = "VocEdWeek.Bot.App";

    /// <summary>Outside bot/App, only what builds the whole app may use it.</summary>
    private static readonly Dictionary<string, string> Composers = new(StringComparer.Ordinal)
    {
        ["Program"] = "the bot's composition root: AddBotApp, MapBotPages",
        ["VocEdWeek.Bot.Operations.Check.Checks.StartupSettingsCheck"] = "the check command builds the bot's registrations (AddBotApp) to see that they start",
    };

    [Fact]
    public void Only_the_composition_roots_use_the_app_layer()
    {
        var leaks = TypeDependencies.OfBot().Uses
            .Where(u => !ProtocolSeamTests.InNamespace(u.Key, App) && !Composers.ContainsKey(u.Key))
            .SelectMany(u => u.Value.Where(used => ProtocolSeamTests.InNamespace(used, App)).Select(used => $"{u.Key} uses {used}"))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(leaks.Count == 0, $"bot/App is used from below ({leaks.Count}):\n  {string.Join("\n  ", leaks)}\n"
            + "Features build on bot/Handlers (ICommandHandler, Access, AccessGate) and bot/Words; App only composes them.");
    }

    [Theory]
    [InlineData("VocEdWeek.Bot.Handlers")]
    [InlineData("VocEdWeek.Bot.Words")]
    public void The_parts_features_build_on_use_no_feature(string part)
    {
        var leaks = TypeDependencies.OfBot().Uses
            .Where(u => ProtocolSeamTests.InNamespace(u.Key, part))
            .SelectMany(u => u.Value.Where(used => ProtocolSeamTests.InNamespace(used, "VocEdWeek.Bot.Features") || ProtocolSeamTests.InNamespace(used, App))
                .Select(used => $"{u.Key} uses {used}"))
            .ToList();

        Assert.Contains(TypeDependencies.OfBot().Uses.Keys, k => ProtocolSeamTests.InNamespace(k, part));
        Assert.True(leaks.Count == 0, $"{part} uses features or the app ({leaks.Count}):\n  {string.Join("\n  ", leaks)}");
    }
}
