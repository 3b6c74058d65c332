using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Http;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Protocol;
using VocEdWeek.Bot.Protocol.Connector;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Protocol.Connector;

/// <summary>
/// The production wiring (<see cref="ProtocolExtensions.AddBotProtocol"/>) pointed at a <see cref="FakeConnector"/>
/// and, with credentials, a <see cref="FakeTokenServer"/>; all waiting runs on a fake clock that
/// <see cref="RunAsync"/> moves from one pending timer to the next while work is pending.
/// </summary>
internal sealed class ConnectorTestHost : IAsyncDisposable
{
    public const string AppId = "6f1c2a9e-4b0d-4f7e-9a55-2c1d3b4e5f60";
    public const string TenantId = "3f3d1cea-7a18-41af-872b-cfbbd5140984";
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    private readonly WorkCounter inFlight = new();
    private readonly FakeTimeDriver driver;

    private ConnectorTestHost(FakeConnector connector, FakeTokenServer? tokens, SteppingTimeProvider time)
    {
        Connector = connector;
        Tokens = tokens;
        Time = time;
        driver = new FakeTimeDriver(time, inFlight);
    }

    public FakeConnector Connector { get; }
    public FakeTokenServer? Tokens { get; }
    public SteppingTimeProvider Time { get; }
    public ServiceProvider Services { get; private set; } = null!;
    public IMessenger Messenger => Services.GetRequiredService<IMessenger>();

    /// <param name="credentials">null: anonymous; otherwise the MicrosoftAppType to run with.</param>
    /// <param name="fixedJitter">true: retry back-off without jitter, so waits are exact.</param>
    public static async Task<ConnectorTestHost> StartAsync(
        string? credentials = null,
        IDictionary<string, string?>? settings = null,
        bool fixedJitter = true)
    {
        var time = new SteppingTimeProvider(Start);
        var connector = await FakeConnector.StartAsync(time);
        var tokens = credentials is null ? null : await FakeTokenServer.StartAsync();
        var host = new ConnectorTestHost(connector, tokens, time);

        var config = new Dictionary<string, string?>();
        if (tokens is not null)
        {
            config["MicrosoftAppType"] = credentials;
            config["MicrosoftAppId"] = AppId;
            config["MicrosoftAppPassword"] = "test-secret";
            config["MicrosoftAppTenantId"] = TenantId;
            config["ToChannelFromBotLoginUrl"] = tokens.LoginUrlTemplate;
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) config[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(config).Build();

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddBotProtocol(configuration, new HostingEnvironment { EnvironmentName = "Development" });
        services.AddSingleton<TimeProvider>(time);
        if (fixedJitter)
            services.AddSingleton(sp => new ConnectorRetryPolicy(sp.GetRequiredService<ConnectorOptions>(), () => 0.5));
        if (tokens is not null)
            services.AddHttpClient(MsalHttpClientFactory.HttpClientName).ConfigurePrimaryHttpMessageHandler(tokens.CreateTrustingHandler);
        services.Configure<HttpClientFactoryOptions>(ConnectorClient.HttpClientName,
            o => o.HttpMessageHandlerBuilderActions.Add(b => b.AdditionalHandlers.Insert(0, new InFlightHandler(host.inFlight))));
        host.Services = services.BuildServiceProvider();
        return host;
    }

    public ConversationRef Conversation(string conversationId = "a:1p0iicaJlVi-personal", string? tenantId = TenantId) =>
        new(Connector.ServiceUrl, conversationId, tenantId, "28:" + AppId, "VocEdWeek", ConversationScope.Personal, "29:1aK9mYhSZ3eg-user");

    /// <summary>
    /// Starts <paramref name="start"/> on a single-thread pump and runs it to completion, moving fake time
    /// only while nothing is runnable and no HTTP call is in flight: to the next pending timer, or by
    /// <paramref name="step"/> when given. Every arrival time the fake connector records is therefore exact.
    /// </summary>
    public Task<T> RunAsync<T>(Func<Task<T>> start, TimeSpan? step = null) => driver.RunAsync(start, step);

    public Task RunAsync(Func<Task> start, TimeSpan? step = null) => driver.RunAsync(start, step);

    public async ValueTask DisposeAsync()
    {
        driver.Dispose();
        await Services.DisposeAsync();
        await Connector.DisposeAsync();
        if (Tokens is not null) await Tokens.DisposeAsync();
    }

    /// <summary>
    /// Counts connector calls in flight. When a call ends it also clears the synchronization context, so
    /// HttpClient's own <c>ConfigureAwait(false)</c> continuations run inline on the pump thread instead of
    /// hopping to the thread pool: the caller's continuation is then posted to the pump before this
    /// callback ends, and the pump never looks idle while a response is still on its way to the caller.
    /// </summary>
    private sealed class InFlightHandler(WorkCounter counter) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            counter.Enter();
            try
            {
                var response = await base.SendAsync(request, cancellationToken);
                await response.Content.LoadIntoBufferAsync(cancellationToken);
                return response;
            }
            finally
            {
                counter.Leave();
                SynchronizationContext.SetSynchronizationContext(null);
            }
        }
    }
}
