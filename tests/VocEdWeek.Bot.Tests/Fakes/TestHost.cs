using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace VocEdWeek.Bot.Tests.Fakes;

/// <summary>
/// The one builder of the real bot for tests: <see cref="BotApp"/> (own LiteDB folder, the Wuxi week, scheduler off)
/// with the settings, clock and services of <see cref="TestHostOptions"/>, and the fakes at the edge it asked for.
/// Harnesses (worlds, sites, apps) are thin wrappers over it, so a change to how the bot is hosted in tests is made once.
/// </summary>
public sealed class TestHost : IAsyncDisposable
{
    private TestHost(BotApp app, WebApplicationFactory<Program> factory, TimeProvider? clock)
    {
        App = app;
        Factory = factory;
        Clock = clock;
    }

    public BotApp App { get; }

    /// <summary>The app as served: <see cref="App"/> itself, or a copy with the test's clock and services.</summary>
    public WebApplicationFactory<Program> Factory { get; }

    public TimeProvider? Clock { get; }

    public ConnectorRecorder? Recorder { get; private set; }

    public FakeConnector? Connector { get; private set; }

    public FakeDownloads? Downloads { get; private set; }

    /// <summary>The bot's https address on Kestrel when <see cref="TestHostOptions.Https"/> asked for one (no trailing slash).</summary>
    public string? BaseUrl { get; private set; }

    public IServiceProvider Services => Factory.Services;

    public string DataDirectory => App.DataDirectory;

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public static async Task<TestHost> StartAsync(TestHostOptions? options = null)
    {
        options ??= new TestHostOptions();
        var app = new BotApp(Settings(options));
        var development = options.Environment == Environments.Development;
        var factory = options.Clock is null && options.Services is null && options.Identity is null && development
            ? (WebApplicationFactory<Program>)app
            : app.WithWebHostBuilder(b =>
            {
                if (!development) b.UseEnvironment(options.Environment);
                b.ConfigureTestServices(s =>
                {
                    if (options.Clock is { } clock) s.AddSingleton<TimeProvider>(clock);
                    if (options.Identity is { } identity) AuthenticatedBot.TrustMetadataServer(s, identity);
                    options.Services?.Invoke(s);
                });
            });
        var host = new TestHost(app, factory, options.Clock);
        if (options.Https is { } certificate)
        {
            factory.UseKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(certificate)));
            factory.StartServer();
            host.BaseUrl = factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/');
        }
        if (options.RecordingConnector) host.Recorder = await ConnectorRecorder.StartAsync();
        if (options.ScriptedConnector) host.Connector = await FakeConnector.StartAsync(options.Clock);
        if (options.Downloads) host.Downloads = await FakeDownloads.StartAsync();
        return host;
    }

    /// <summary>The test's settings over what its identity and environment need: Production refuses BotApp's rehearsal clock.</summary>
    private static Dictionary<string, string?> Settings(TestHostOptions options)
    {
        var settings = options.Identity is { } identity ? AuthenticatedBot.Settings(identity) : [];
        if (options.Environment == Environments.Production) settings["Clock:StartAt"] = null;
        foreach (var (k, v) in options.Settings) settings[k] = v;
        return settings;
    }

    public async ValueTask DisposeAsync()
    {
        if (!ReferenceEquals(Factory, App)) await Factory.DisposeAsync();
        await App.DisposeAsync();
        if (Downloads is not null) await Downloads.DisposeAsync();
        if (Recorder is not null) await Recorder.DisposeAsync();
        if (Connector is not null) await Connector.DisposeAsync();
    }
}
