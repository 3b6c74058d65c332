using Microsoft.Extensions.DependencyInjection;
using VocEdWeek.Bot.Handlers;
using VocEdWeek.Bot.App;
using VocEdWeek.Bot.Features.Help;
using VocEdWeek.Bot.Features.Welcome;

namespace VocEdWeek.Bot.Tests.App;

/// <summary>Issue 12: a route table that is wrong stops the start with one sentence, before any turn is routed.</summary>
public sealed class RouteTableTests
{
    private static readonly CommandRoute Help = new(typeof(HelpHandler), Access.Anyone);
    private static readonly VerbRoute HelpVerb = new(HelpHandler.ShowVerb, typeof(HelpHandler), Access.Anyone);

    private static ServiceCollection Registered(params Type[] handlers)
    {
        var services = new ServiceCollection();
        foreach (var type in handlers) services.AddSingleton(type);
        return services;
    }

    [Fact]
    public void AVerbListedTwice_StopsTheStart()
    {
        var ex = Assert.Throws<ConfigurationException>(() => Registered(typeof(HelpHandler)).AddRoutes([Help], [HelpVerb, HelpVerb]));
        Assert.Equal($"Routes.Verbs lists card verb '{HelpHandler.ShowVerb}' twice.", ex.Message);
    }

    [Fact]
    public void AHandlerListedTwice_StopsTheStart() =>
        Assert.Equal("Routes.Commands lists HelpHandler twice.",
            Assert.Throws<ConfigurationException>(() => Registered(typeof(HelpHandler)).AddRoutes([Help, Help], [HelpVerb])).Message);

    [Fact]
    public void ARegisteredHandlerWithoutARow_StopsTheStart() =>
        Assert.Equal("WelcomeHandler is a registered card handler with no verb in Routes.Verbs.",
            Assert.Throws<ConfigurationException>(() => Registered(typeof(HelpHandler), typeof(WelcomeHandler)).AddRoutes([Help], [HelpVerb])).Message);

    [Fact]
    public void ARowNoFeatureRegisters_StopsTheStart() =>
        Assert.Equal("Routes lists HelpHandler, but no feature registers it.",
            Assert.Throws<ConfigurationException>(() => Registered().AddRoutes([Help], [HelpVerb])).Message);

    [Fact]
    public void ARowWhoseAccessDisagreesWithItsHandler_StopsTheStart()
    {
        var help = new HelpHandler(null!, null!);

        var ex = Assert.Throws<ConfigurationException>(() => new RouteTable([help], [help], [Help with { Access = Access.Staff }], [HelpVerb]));

        Assert.Equal("Routes gives HelpHandler access Staff, but the handler declares Anyone.", ex.Message);
    }

}
