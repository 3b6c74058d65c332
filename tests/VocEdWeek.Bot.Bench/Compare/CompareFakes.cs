using System.Text;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Bench.Compare;

/// <summary>
/// The edge every target talks to, in this process (pinned to the load generator's core): the fake Bot Framework
/// identity (HTTPS OpenID metadata + JWKS with endorsements), the counting connector and the Entra token endpoint.
/// Their two self-signed certificates are written to one PEM bundle, which the targets trust through the
/// environment (NODE_EXTRA_CA_CERTS for node, SSL_CERT_FILE for .NET): no code in a target is changed for the bench.
/// </summary>
public sealed class CompareFakes : IAsyncDisposable
{
    private readonly TempDir _dir = new();

    private CompareFakes(FakeBotFrameworkIdentity identity, ConnectorRecorder connector, FakeTokenServer tokens, int knownConversations)
    {
        Identity = identity;
        Connector = connector;
        Tokens = tokens;
        CertificateBundle = Path.Combine(_dir.Path, "trusted.pem");
        File.WriteAllText(CertificateBundle, new StringBuilder()
            .AppendLine(identity.Certificate.ExportCertificatePem())
            .AppendLine(tokens.Certificate.ExportCertificatePem())
            .ToString());
        // Minted once, on the real clock, valid for an hour: Teams also reuses a token for about an hour.
        Token = identity.CreateChannelToken(AuthenticatedBot.AppId, connector.ServiceUrl);
        Messages = new TeamsMessages(connector.ServiceUrl, AuthenticatedBot.AppId, AuthenticatedBot.TenantId, knownConversations);
        connector.Observe = Pace.Called;
    }

    /// <summary>How close the sends came to Teams' per-conversation limits.</summary>
    public SendPace Pace { get; } = new(TimeProvider.System);

    public FakeBotFrameworkIdentity Identity { get; }

    public ConnectorRecorder Connector { get; }

    public FakeTokenServer Tokens { get; }

    /// <summary>Both fakes' certificates (PEM), for the targets' trust.</summary>
    public string CertificateBundle { get; }

    public string Token { get; }

    /// <summary>The known conversations' messages, for the warm-up pass (the same JSON stream.lua sends).</summary>
    public TeamsMessages Messages { get; }

    /// <summary>A scratch folder that goes away with the fakes (the bot's storage lives here).</summary>
    public string Scratch => _dir.Path;

    // The identity's certificate gets its own subject: both fakes' certificates say CN=localhost by default, and OpenSSL
    // (node's trust store) then looks up the wrong one as the token endpoint's issuer.
    public static async Task<CompareFakes> StartAsync(int knownConversations) => new(
        await FakeBotFrameworkIdentity.StartAsync(TestCertificate.Create("vocedweek-bench-identity")),
        await ConnectorRecorder.StartAsync(record: false),
        await FakeTokenServer.StartAsync(),
        knownConversations);

    public async ValueTask DisposeAsync()
    {
        await Connector.DisposeAsync();
        await Identity.DisposeAsync();
        await Tokens.DisposeAsync();
        _dir.Dispose();
    }
}
