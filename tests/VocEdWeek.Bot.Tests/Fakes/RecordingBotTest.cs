namespace VocEdWeek.Bot.Tests.Fakes;

/// <summary>
/// A test class's own bot (the real app, in process) and a local connector that records what the bot sends;
/// activities point their serviceUrl at <see cref="Recorder"/>. One per test class, disposed after it.
/// </summary>
public abstract class RecordingBotTest : IAsyncLifetime
{
    private TestHost _host = null!;

    protected ConnectorRecorder Recorder => _host.Recorder!;
    protected BotApp TestBot => _host.App;
    protected HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _host = await TestHost.StartAsync(new TestHostOptions { RecordingConnector = true });
        Client = _host.Factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await _host.DisposeAsync();
    }
}
