namespace VocEdWeek.Bot.Tests.Fakes;

/// <summary>
/// A test class's own bot (the real app, in process) and a local connector that records what the bot sends;
/// activities point their serviceUrl at <see cref="Recorder"/>. One per test class, disposed after it.
/// </summary>
public abstract class RecordingBotTest : IAsyncLifetime
{
    protected ConnectorRecorder Recorder { get; private set; } = null!;
    protected BotApp TestBot { get; private set; } = null!;
    protected HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Recorder = await ConnectorRecorder.StartAsync();
        TestBot = new BotApp();
        Client = TestBot.CreateClient();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await TestBot.DisposeAsync();
        await Recorder.DisposeAsync();
    }
}
