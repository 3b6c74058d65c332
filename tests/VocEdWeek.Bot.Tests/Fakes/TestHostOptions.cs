using Microsoft.Extensions.DependencyInjection;

namespace VocEdWeek.Bot.Tests.Fakes;

/// <summary>What a test changes about the real bot built by <see cref="TestHost"/>; everything else is <see cref="BotApp"/>'s default.</summary>
public sealed class TestHostOptions
{
    /// <summary>Settings laid over BotApp's defaults.</summary>
    public Dictionary<string, string?> Settings { get; init; } = [];

    /// <summary>The clock the bot's services see (usually a FakeTimeProvider); null keeps the rehearsal clock.</summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>More test services, registered after the bot's own, so they win.</summary>
    public Action<IServiceCollection>? Services { get; init; }

    /// <summary>Starts a <see cref="ConnectorRecorder"/> (answers everything, records what the bot posts).</summary>
    public bool RecordingConnector { get; init; }

    /// <summary>Starts a scriptable <see cref="FakeConnector"/> on the test's clock (Teams' limits, errors, timings).</summary>
    public bool ScriptedConnector { get; init; }

    /// <summary>Starts a <see cref="FakeDownloads"/> server for file attachments' download URLs.</summary>
    public bool Downloads { get; init; }
}
