using Microsoft.IdentityModel.Protocols;
using VocEdWeek.Bot.Platform;

namespace VocEdWeek.Bot.Features.Dashboard.SignIn;

public static class TabSignInExtensions
{
    public const string HttpClientName = "TabSsoMetadata";

    /// <summary>Teams single sign-on for the dashboard tab: settings, the tenant's keys, the token check, the session.</summary>
    public static IServiceCollection AddTabSignIn(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = TabSsoSettings.From(configuration);
        services.AddSingleton(settings);
        services.AddHttpClient(HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton(sp => new EntraSigningKeys(settings.MetadataUrl, new MetadataRetriever(sp.GetRequiredService<IHttpClientFactory>()),
            TokenClock(sp), sp.GetRequiredService<ILogger<EntraSigningKeys>>()));
        services.AddSingleton(sp => new EntraTokenValidator(settings, sp.GetRequiredService<EntraSigningKeys>(), TokenClock(sp)));
        services.AddSingleton<TabSession>();
        return services;
    }

    /// <summary>
    /// Entra's tokens carry real times: during a rehearsal (Clock:StartAt) they are checked on the real clock, the one the
    /// bot's own token check uses, not on the rehearsal's.
    /// </summary>
    private static TimeProvider TokenClock(IServiceProvider sp) =>
        sp.GetService<WallClock>()?.Time ?? sp.GetRequiredService<TimeProvider>();

    /// <summary>Metadata and keys over HTTPS; plain http only for a loopback address (a local stand-in in tests).</summary>
    private sealed class MetadataRetriever(IHttpClientFactory clients) : IDocumentRetriever
    {
        public Task<string> GetDocumentAsync(string address, CancellationToken cancel) =>
            new HttpDocumentRetriever(clients.CreateClient(HttpClientName)) { RequireHttps = !new Uri(address).IsLoopback }
                .GetDocumentAsync(address, cancel);
    }
}
