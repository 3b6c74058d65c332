namespace VocEdWeek.Bot.Tests.Architecture;

/// <summary>
/// bot/Protocol is the only code that knows the Bot Framework wire: everything else talks <c>Conversation</c>
/// (TurnContext, IMessenger). A Protocol type used elsewhere would tie the app to the wire format, so each use
/// outside the layer must be one of the composition roots below.
/// </summary>
public sealed class ProtocolSeamTests
{
    private const string Protocol = "VocEdWeek.Bot.Protocol";
    private const string Platform = "VocEdWeek.Bot.Platform";

    /// <summary>The types outside bot/Protocol that may use Protocol types, and why. Keep it to composition roots.</summary>
    private static readonly Dictionary<string, string> CompositionRoots = new(StringComparer.Ordinal)
    {
        ["Program"] = "the bot's composition root: AddBotProtocol and MapBotEndpoint",
        ["VocEdWeek.Bot.Operations.Check.CheckCommand"] = "the check command's composition root: AddBotProtocol, the same registrations as the bot",
        ["VocEdWeek.Bot.Operations.Check.SecretValues"] = "the check command masks the bot's password read through BotFrameworkOptions",
        ["VocEdWeek.Bot.Operations.Check.Checks.ClockCheck"] = "checks the clock against the login host the protocol is configured with",
        ["VocEdWeek.Bot.Operations.Check.Checks.ConnectorTokenCheck"] = "asks for a token through the very IConnectorTokenSource the bot sends with",
        ["VocEdWeek.Bot.Operations.Check.Checks.ManifestCheck"] = "compares the manifest's bot id with the protocol's MicrosoftAppId",
        ["VocEdWeek.Bot.Operations.Check.Checks.OpenIdMetadataCheck"] = "fetches the channel's keys through the protocol's own metadata retriever",
    };

    [Fact]
    public void Nothing_outside_the_protocol_layer_uses_a_protocol_type_except_the_composition_roots()
    {
        var uses = TypeDependencies.OfBot().Uses;
        var leaks = uses
            .Where(u => !InNamespace(u.Key, Protocol) && !CompositionRoots.ContainsKey(u.Key))
            .SelectMany(u => u.Value.Where(used => InNamespace(used, Protocol)).Select(used => $"{u.Key} uses {used}"))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(leaks.Count == 0,
            $"Protocol types are used outside bot/Protocol ({leaks.Count}):\n  {string.Join("\n  ", leaks)}\n"
            + "Talk to the app through Conversation (TurnContext, IMessenger), move a type both sides need to bot/Platform, "
            + "or, for a new composition root only, add it to ProtocolSeamTests.CompositionRoots with its reason.");
    }

    [Fact]
    public void Every_composition_root_still_needs_its_allowance()
    {
        var uses = TypeDependencies.OfBot().Uses;
        var stale = CompositionRoots.Keys
            .Where(root => !uses.TryGetValue(root, out var used) || !used.Any(u => InNamespace(u, Protocol)))
            .ToList();

        Assert.True(stale.Count == 0, $"These no longer use Protocol types; remove them from ProtocolSeamTests.CompositionRoots: {string.Join(", ", stale)}");
    }

    [Fact]
    public void The_platform_depends_on_nothing_else_of_the_bot()
    {
        // Protocol, Files and Hosting all lean on Platform (the cloud, the wall clock, Entra credentials); if Platform
        // leaned back on any of them, the seam would be a cycle again.
        var leaks = TypeDependencies.OfBot().Uses
            .Where(u => InNamespace(u.Key, Platform))
            .SelectMany(u => u.Value.Where(used => used.StartsWith("VocEdWeek.Bot.", StringComparison.Ordinal) && !InNamespace(used, Platform))
                .Select(used => $"{u.Key} uses {used}"))
            .ToList();

        Assert.Contains(TypeDependencies.OfBot().Types.Keys, t => InNamespace(t, Platform));
        Assert.True(leaks.Count == 0, $"bot/Platform must not use the rest of the bot:\n  {string.Join("\n  ", leaks)}");
    }

    internal static bool InNamespace(string typeName, string ns)
    {
        var actual = TypeDependencies.NamespaceOf(typeName);
        return actual == ns || actual.StartsWith(ns + ".", StringComparison.Ordinal);
    }
}
