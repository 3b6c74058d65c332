using Npgsql;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Bench.Storage;

/// <summary>
/// What every bot process talks to, in this process on 127.0.0.1: the fake Bot Framework identity (HTTPS metadata + JWKS),
/// the fake token endpoint for outgoing calls, and a counting connector. The bots are other processes, so they trust the
/// fakes' self-signed certificate the way a server trusts a private CA: through <c>SSL_CERT_FILE</c> (as tests/server does).
/// </summary>
public sealed class BenchFakes : IAsyncDisposable
{
    public const string AppId = "3f2a6c1e-8b4d-4e8a-9c1f-2d7e5a9b0c41";
    public const string TenantId = "9b1d7e3a-2c4f-4a6b-8d0e-1f3a5c7e9b2d";

    private BenchFakes(FakeBotFrameworkIdentity identity, FakeTokenServer tokens, ConnectorRecorder connector)
    {
        Identity = identity;
        Tokens = tokens;
        Connector = connector;
    }

    public FakeBotFrameworkIdentity Identity { get; }

    public FakeTokenServer Tokens { get; }

    public ConnectorRecorder Connector { get; }

    /// <summary>
    /// Both HTTPS fakes serve the token server's certificate: two self-signed certificates both named CN=localhost in one
    /// trust file would find each other's issuer by name and fail (UntrustedRoot).
    /// </summary>
    public static async Task<BenchFakes> StartAsync()
    {
        var tokens = await FakeTokenServer.StartAsync();
        return new(await FakeBotFrameworkIdentity.StartAsync(tokens.Certificate), tokens, await ConnectorRecorder.StartAsync(record: false));
    }

    /// <summary>
    /// The settings every bot gets: authentication on (a single-tenant app pointed at the fakes), the bench's week and
    /// instant, and Teams' per-tenant and per-user allowances lifted so the bench measures the server.
    /// </summary>
    public Dictionary<string, string> BotSettings(string certificates) => new()
    {
        ["MicrosoftAppType"] = "SingleTenant",
        ["MicrosoftAppId"] = AppId,
        ["MicrosoftAppPassword"] = "bench-secret-not-used",
        ["MicrosoftAppTenantId"] = TenantId,
        ["ToBotFromChannelOpenIdMetadataUrl"] = Identity.ChannelMetadataUrl,
        ["ToBotFromChannelTokenIssuer"] = Identity.ChannelIssuer,
        ["ToBotFromEmulatorOpenIdMetadataUrl"] = Identity.EmulatorMetadataUrl,
        ["AcceptEmulatorTokens"] = "false",
        ["ToChannelFromBotLoginUrl"] = Tokens.LoginUrlTemplate,
        ["SSL_CERT_FILE"] = certificates,
        ["Clock:StartAt"] = BenchWeek.Now.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
        ["Office:AnnounceStartup"] = "false",
        // BENCH_BOT_LOG=Information shows what the bots do (their logs are in artifacts/bench/storage-logs).
        ["Logging:LogLevel:Default"] = Environment.GetEnvironmentVariable("BENCH_BOT_LOG") ?? "Warning",
        // No reminder or digest fires in the middle of a measurement: the bench times the turns.
        ["Scheduling:Enabled"] = "false",
        ["Connector:TenantRequestsPerSecond"] = "100000",
        ["Inbound:PerUserLimit"] = "100000000",
        ["Inbound:PerConversationLimit"] = "100000000",
    };

    /// <summary>The fakes' one certificate as a PEM file, for <c>SSL_CERT_FILE</c>.</summary>
    public string WriteCertificates(string directory)
    {
        var path = Path.Combine(directory, "bench-ca.pem");
        File.WriteAllText(path, Tokens.Certificate.ExportCertificatePem() + "\n");
        return path;
    }

    /// <summary>A channel token as Teams sends it (real clock, an hour long), for every request.</summary>
    public string Token() => Identity.CreateChannelToken(AppId, Connector.ServiceUrl);

    /// <summary>
    /// A copy of a seeded database under another name (CREATE DATABASE … TEMPLATE): seeding the week through the stores
    /// a second time would take most of the run on a busy machine. Nothing may be connected to the source meanwhile.
    /// </summary>
    public static async Task CopyDatabaseAsync(string from, string to)
    {
        var source = new NpgsqlConnectionStringBuilder(from);
        await using var admin = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(from) { Database = "postgres", Pooling = false }.ConnectionString);
        NpgsqlConnection.ClearAllPools();
        await using var command = admin.CreateCommand($"CREATE DATABASE \"{new NpgsqlConnectionStringBuilder(to).Database}\" TEMPLATE \"{source.Database}\"");
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Connector.DisposeAsync();
        await Identity.DisposeAsync();
        // Last: it disposes the certificate the identity served too.
        await Tokens.DisposeAsync();
    }
}
