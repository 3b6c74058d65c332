using System.Security.Cryptography.X509Certificates;
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

    /// <summary>The host's environment; Production runs on the real clock, since it refuses BotApp's rehearsal clock.</summary>
    public string Environment { get; init; } = "Development";

    /// <summary>
    /// Turns Bot Framework authentication on against this fake identity (see <see cref="AuthenticatedBot"/>), on the real
    /// clock as real Teams tokens need; <see cref="Settings"/> still win (e.g. AcceptEmulatorTokens, a rehearsal).
    /// </summary>
    public FakeBotFrameworkIdentity? Identity { get; init; }

    /// <summary>Serves the bot on Kestrel at 127.0.0.1 over HTTPS with this certificate, for callers that need a real address.</summary>
    public X509Certificate2? Https { get; init; }

    /// <summary>Starts a <see cref="ConnectorRecorder"/> (answers everything, records what the bot posts).</summary>
    public bool RecordingConnector { get; init; }

    /// <summary>Starts a scriptable <see cref="FakeConnector"/> on the test's clock (Teams' limits, errors, timings).</summary>
    public bool ScriptedConnector { get; init; }

    /// <summary>Starts a <see cref="FakeDownloads"/> server for file attachments' download URLs.</summary>
    public bool Downloads { get; init; }
}
