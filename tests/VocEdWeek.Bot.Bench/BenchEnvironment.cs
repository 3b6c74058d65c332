using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using VocEdWeek.Bot.Protocol.Connector;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Bench;

/// <summary>
/// Everything the benchmark talks to, all on 127.0.0.1 and all in this process:
/// the fake Bot Framework identity (HTTPS OpenID metadata + JWKS, self-signed certificate), a counting
/// fake connector, the real bot (<see cref="Program"/> through the tests' <see cref="TestHost"/> with authentication on, on a
/// real Kestrel socket, JWT validation on) and the bare endpoint. Plus one channel token, minted once,
/// as Teams reuses a token for about an hour.
/// </summary>
/// <remarks>
/// In-process rather than child processes: the bot must trust the fake identity's self-signed
/// certificate, and the only clean seam for that is the "BotFrameworkMetadata" HttpClient's primary
/// handler, which <see cref="TestHostOptions.Identity"/> swaps. Both targets share the process, the
/// thread pool and the two cores with the load generator alike, so the ratio stays fair; wrk (run.sh)
/// gives an out-of-process second opinion.
/// </remarks>
public sealed class BenchEnvironment : IAsyncDisposable
{
    private FakeBotFrameworkIdentity _identity = null!;
    private FakeTokenServer _tokens = null!;
    private TestHost _bot = null!;
    private BareEndpoint _bare = null!;

    private BenchEnvironment()
    {
    }

    public ConnectorRecorder Connector { get; private set; } = null!;

    public Uri BotUrl { get; private set; } = null!;

    public Uri BareUrl => _bare.Url;

    public string Token { get; private set; } = "";

    public TeamsMessages Messages { get; private set; } = null!;

    /// <summary>Starts everything; the bot runs <paramref name="weekFile"/> (default: the Wuxi sample).</summary>
    public static async Task<BenchEnvironment> StartAsync(string repoRoot, string? weekFile = null)
    {
        var env = new BenchEnvironment();
        // One after another: WebApplicationFactory hooks the next host built in the process.
        env._identity = await FakeBotFrameworkIdentity.StartAsync();
        env.Connector = await ConnectorRecorder.StartAsync(record: false);
        // WebApplicationFactory looks for its content-root manifest in the current directory; name it instead.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_VOCEDWEEK_BOT", Path.Combine(repoRoot, "bot"));
        // Outgoing tokens (client credentials) come from a local HTTPS token endpoint, as in the connector tests.
        env._tokens = await FakeTokenServer.StartAsync();
        var settings = BotSettings(repoRoot);
        if (weekFile is not null) settings["Week:DefinitionFile"] = weekFile;
        settings["ToChannelFromBotLoginUrl"] = env._tokens.LoginUrlTemplate;
        env._bot = await TestHost.StartAsync(new()
        {
            Identity = env._identity,
            Settings = settings,
            Services = s => s.AddHttpClient(MsalHttpClientFactory.HttpClientName).ConfigurePrimaryHttpMessageHandler(env._tokens.CreateTrustingHandler),
        });
        env._bot.Factory.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        env._bot.Factory.StartServer();
        env.BotUrl = new Uri(AddressOf(env._bot.Services), "api/messages");
        env._bare = await BareEndpoint.StartAsync();

        // Tokens are checked on the real clock even during a rehearsal (Clock:StartAt), as real Teams' would be.
        env.Token = env._identity.CreateChannelToken(AuthenticatedBot.AppId, env.Connector.ServiceUrl);
        env.Messages = new TeamsMessages(env.Connector.ServiceUrl, AuthenticatedBot.AppId, AuthenticatedBot.TenantId);
        return env;
    }

    public async ValueTask DisposeAsync()
    {
        await _bare.DisposeAsync();
        await _bot.DisposeAsync();
        await Connector.DisposeAsync();
        await _identity.DisposeAsync();
        await _tokens.DisposeAsync();
    }

    private static Dictionary<string, string?> BotSettings(string repoRoot) => new()
    {
        ["Week:DefinitionFile"] = Path.Combine(repoRoot, "bot", "Weeks", "Samples", "2024-wuxi.json"),
        ["Clock:StartAt"] = "2024-05-14T09:30:00+08:00",
        ["Office:AnnounceStartup"] = "false",
        ["Logging:LogLevel:Default"] = "Warning",
        // The bot as it runs in production, scheduler included (the tests' host switches it off).
        ["Scheduling:Enabled"] = "true",
        // Measures the server, not Teams' per-tenant ceiling (default 30/s, which would cap replies at 30/s).
        ["Connector:TenantRequestsPerSecond"] = "100000",
        // The same for the inbound allowance (20 per user per 10 s): 200 simulated users far outpace any human.
        ["Inbound:PerUserLimit"] = "100000000",
        ["Inbound:PerConversationLimit"] = "100000000",
    };

    private static Uri AddressOf(IServiceProvider services)
    {
        var address = services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new Uri(address.TrimEnd('/') + "/");
    }
}
