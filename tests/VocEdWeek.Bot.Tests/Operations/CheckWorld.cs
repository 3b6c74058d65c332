using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using VocEdWeek.Bot.Operations.Check;
using VocEdWeek.Bot.Protocol.Auth;
using VocEdWeek.Bot.Protocol.Connector;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Operations;

/// <summary>
/// Everything <c>check</c> talks to, on 127.0.0.1: the Bot Framework metadata and keys (<see cref="FakeBotFrameworkIdentity"/>),
/// Entra's token endpoint (<see cref="FakeTokenServer"/>, also the login host whose Date header the clock is compared with),
/// a SharePoint library (<see cref="FakeGraph"/>), and the real bot (Program) on Kestrel over HTTPS as the public address.
/// <see cref="Settings"/> is a correct configuration for all of them; a test changes one thing.
/// </summary>
public sealed class CheckWorld : IAsyncLifetime
{
    public const string AppId = "3f2a6c1e-8b4d-4e8a-9c1f-2d7e5a9b0c41";
    public const string TenantId = "9b1d7e3a-2c4f-4a6b-8d0e-1f3a5c7e9b2d";
    /// <summary>Recognisable in any output: no line may ever contain it.</summary>
    public const string Secret = "Qx8~s3cr3t.V4lue-never-printed";

    private TestHost _bot = null!;

    public FakeBotFrameworkIdentity Identity { get; private set; } = null!;
    public FakeTokenServer Tokens { get; private set; } = null!;
    public FakeGraph Graph { get; private set; } = null!;

    /// <summary>The running bot's https address (its Storage:Directory is <see cref="StorageDirectory"/>, so its signing key is ours).</summary>
    public string PublicBaseUrl { get; private set; } = "";

    public string StorageDirectory => _bot.DataDirectory;

    public async Task InitializeAsync()
    {
        Identity = await FakeBotFrameworkIdentity.StartAsync();
        Tokens = await FakeTokenServer.StartAsync();
        Graph = await FakeGraph.StartAsync();
        _bot = await TestHost.StartAsync(new() { Https = TestCertificate.Localhost });
        PublicBaseUrl = _bot.BaseUrl!;
    }

    /// <summary>Undoes every fault a test may have switched on.</summary>
    public void Reset()
    {
        Tokens.Failure = null;
        Identity.Unavailable = false;
        Graph.ReadOnly = false;
        Graph.Down = false;
    }

    /// <summary>A correct configuration, as <c>--Key=value</c> command-line settings (the bot's own configuration sources).</summary>
    public Dictionary<string, string?> Settings()
    {
        var settings = Correct();
        // The running bot's database and signing key (set by the test-storage switch on a PostgreSQL run): the check
        // recognises the bot behind the public address by them.
        foreach (var key in new[] { "Storage:Provider", "ConnectionStrings:VocEdWeek", "Links:SigningKey" })
        {
            if (_bot.App.Settings.TryGetValue(key, out var value)) settings[key] = value;
        }
        return settings;
    }

    private Dictionary<string, string?> Correct() => new()
    {
        ["environment"] = "Production",
        ["MicrosoftAppType"] = "SingleTenant",
        ["MicrosoftAppId"] = AppId,
        ["MicrosoftAppPassword"] = Secret,
        ["MicrosoftAppTenantId"] = TenantId,
        ["ToBotFromChannelOpenIdMetadataUrl"] = Identity.ChannelMetadataUrl,
        ["ToChannelFromBotLoginUrl"] = Tokens.LoginUrlTemplate,
        ["Storage:Directory"] = StorageDirectory,
        ["Week:DefinitionFile"] = Path.Combine(RepoPaths.Samples, "2024-wuxi.json"),
        ["Links:PublicBaseUrl"] = PublicBaseUrl,
        ["SharePoint:SiteHostName"] = FakeGraph.SiteHostName,
        ["SharePoint:SitePath"] = FakeGraph.SitePath,
        ["SharePoint:GraphBaseUrl"] = Graph.BaseUrl,
        ["SharePoint:AuthorityHost"] = Tokens.BaseUrl,
        ["Office:Locale"] = "en-US",
    };

    /// <summary>Runs <c>check</c> exactly as Program does, with these settings; HTTP clients trust the local certificates.</summary>
    public async Task<CheckRun> RunAsync(IReadOnlyDictionary<string, string?> settings, string? manifest = null, TimeProvider? clock = null)
    {
        var args = new List<string> { "check" };
        if (manifest is not null) args.AddRange(["--manifest", manifest]);
        args.AddRange(settings.Where(s => s.Value is not null).Select(s => $"--{s.Key}={s.Value}"));
        using var output = new StringWriter();
        var exit = await CheckCommand.RunAsync(args.ToArray(), output, services =>
        {
            services.AddHttpClient(MetadataDocumentRetriever.HttpClientName).ConfigurePrimaryHttpMessageHandler(Identity.CreateTrustingHandler);
            services.AddHttpClient(MsalHttpClientFactory.HttpClientName).ConfigurePrimaryHttpMessageHandler(Tokens.CreateTrustingHandler);
            services.AddHttpClient(CheckCommand.GraphTokenClientName).ConfigurePrimaryHttpMessageHandler(Tokens.CreateTrustingHandler);
            services.AddHttpClient(CheckCommand.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => Trusting(TestCertificate.Localhost, Tokens.Certificate));
            if (clock is not null) services.AddSingleton(clock);
        });
        return new CheckRun(exit, output.ToString());
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await Graph.DisposeAsync();
        await Tokens.DisposeAsync();
        await Identity.DisposeAsync();
    }

    /// <summary>Publicly trusted certificates plus exactly these (the bot's and the login host's).</summary>
    private static SocketsHttpHandler Trusting(params X509Certificate2[] certificates)
    {
        var pins = certificates.Select(c => c.GetCertHash(HashAlgorithmName.SHA256)).ToArray();
        return new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                    errors == SslPolicyErrors.None
                    || (certificate is not null && pins.Any(p => certificate.GetCertHash(HashAlgorithmName.SHA256).AsSpan().SequenceEqual(p))),
            },
        };
    }
}

/// <summary>What one <c>check</c> run printed, and its exit code.</summary>
public sealed record CheckRun(int ExitCode, string Output)
{
    public string[] Lines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The one line of the check named <paramref name="name"/> (en-US names).</summary>
    public string Line(string name) => Assert.Single(Lines, l => l.Length > 2 && l[2..].StartsWith(name + ":", StringComparison.Ordinal));

    /// <summary>The check's line, after asserting the run failed (exit 1), the line is a ✗ and it ends naming <paramref name="key"/>.</summary>
    public string Failure(string name, string key)
    {
        Assert.Equal(1, ExitCode);
        var line = Line(name);
        Assert.StartsWith("✗", line, StringComparison.Ordinal);
        Assert.EndsWith(key, line, StringComparison.Ordinal);
        return line;
    }
}
