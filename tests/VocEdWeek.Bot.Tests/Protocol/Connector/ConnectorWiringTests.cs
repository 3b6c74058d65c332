using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Protocol;
using VocEdWeek.Bot.Protocol.Connector;

namespace VocEdWeek.Bot.Tests.Protocol.Connector;

/// <summary><see cref="ProtocolExtensions.AddBotProtocol"/> wires the connector and checks its settings.</summary>
public sealed class ConnectorWiringTests
{
    [Fact]
    public void AddBotProtocol_RegistersOneMessengerAndBindsConnectorOptions()
    {
        using var services = Build(new() { ["Connector:TenantRequestsPerSecond"] = "12", ["Connector:MaxAttempts"] = "3" });

        var messenger = services.GetRequiredService<IMessenger>();
        var options = services.GetRequiredService<ConnectorOptions>();

        Assert.IsType<ConnectorMessenger>(messenger);
        Assert.Same(messenger, services.GetRequiredService<IMessenger>());
        Assert.Equal(12, options.TenantRequestsPerSecond);
        Assert.Equal(3, options.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(20), options.MaxRetryDelay);
        Assert.Same(services.GetRequiredService<ConnectorRateLimiter>(), services.GetRequiredService<ConnectorRateLimiter>());
    }

    [Theory]
    [InlineData("Connector:TenantRequestsPerSecond", "0")]
    [InlineData("Connector:MaxAttempts", "0")]
    [InlineData("Connector:RequestTimeout", "00:00:00")]
    public void AddBotProtocol_BadConnectorSetting_StopsStartup(string key, string value)
    {
        var ex = Assert.Throws<ConfigurationException>(() => Build(new() { [key] = value }));

        Assert.Contains(key, ex.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddBotProtocol(configuration, new HostingEnvironment { EnvironmentName = "Development" });
        return services.BuildServiceProvider();
    }
}
