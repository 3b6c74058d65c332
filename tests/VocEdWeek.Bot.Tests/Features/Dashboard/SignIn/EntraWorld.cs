using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Protocols;
using VocEdWeek.Bot.Features.Dashboard.SignIn;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Features.Dashboard.SignIn;

/// <summary>
/// The tab's token check wired as the bot wires it, against a fake Entra tenant served over real HTTPS on 127.0.0.1:
/// settings from configuration, keys fetched through HttpDocumentRetriever (https required), one FakeTimeProvider for
/// both the minted tokens and the check.
/// </summary>
public sealed class EntraWorld : IAsyncDisposable
{
    public const string TenantId = "6f1a8c2e-0000-4000-8000-00000000c0de";
    public const string ClientId = "b1e7c0de-5a5a-4c4c-9d9d-000000007ab5";
    public const string Host = "bot.college.example.edu.cn";
    public const string StaffOid = "0ff1ce00-0000-4000-8000-000000000001";

    private EntraWorld(FakeEntra entra, FakeTimeProvider time, TabSsoSettings settings, EntraSigningKeys keys)
    {
        Entra = entra;
        Time = time;
        Settings = settings;
        Keys = keys;
        Validator = new EntraTokenValidator(settings, keys, time);
    }

    public FakeEntra Entra { get; }
    public FakeTimeProvider Time { get; }
    public TabSsoSettings Settings { get; }
    public EntraSigningKeys Keys { get; }
    public EntraTokenValidator Validator { get; }

    public static string ApplicationIdUri => $"api://{Host}/{ClientId}";

    public static async Task<EntraWorld> StartAsync()
    {
        var entra = await FakeEntra.StartAsync(TenantId);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 1, 30, 0, TimeSpan.Zero));
        entra.Time = time;
        var settings = TabSsoSettings.From(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["TabSso:ClientId"] = ClientId,
            ["TabSso:TenantId"] = TenantId,
            ["TabSso:OpenIdMetadataUrl"] = entra.MetadataUrl,
            ["Links:PublicBaseUrl"] = $"https://{Host}",
        }).Build());
        var documents = new HttpDocumentRetriever(new HttpClient(entra.CreateTrustingHandler())) { RequireHttps = true };
        var keys = new EntraSigningKeys(settings.MetadataUrl, documents, time, NullLogger.Instance);
        return new EntraWorld(entra, time, settings, keys);
    }

    /// <summary>A valid v2 token of office staff 吴苏玲; <paramref name="customize"/> changes one thing.</summary>
    public string Token(Action<BotTokenSpec>? customize = null) =>
        Entra.CreateUserToken(ClientId, StaffOid, "wusuling@college.example.edu.cn", customize);

    public async ValueTask DisposeAsync() => await Entra.DisposeAsync();
}
