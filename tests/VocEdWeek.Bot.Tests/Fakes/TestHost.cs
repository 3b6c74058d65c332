using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

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

    public IServiceProvider Services => Factory.Services;

    public string DataDirectory => App.DataDirectory;

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public static async Task<TestHost> StartAsync(TestHostOptions? options = null)
    {
        options ??= new TestHostOptions();
        var app = new BotApp(options.Settings);
        var factory = options.Clock is null && options.Services is null
            ? (WebApplicationFactory<Program>)app
            : app.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            {
                if (options.Clock is { } clock) s.AddSingleton<TimeProvider>(clock);
                options.Services?.Invoke(s);
            }));
        var host = new TestHost(app, factory, options.Clock);
        if (options.RecordingConnector) host.Recorder = await ConnectorRecorder.StartAsync();
        if (options.ScriptedConnector) host.Connector = await FakeConnector.StartAsync(options.Clock);
        if (options.Downloads) host.Downloads = await FakeDownloads.StartAsync();
        return host;
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
