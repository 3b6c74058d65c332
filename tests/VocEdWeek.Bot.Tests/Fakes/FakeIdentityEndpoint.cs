using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace VocEdWeek.Bot.Tests.Fakes;

/// <summary>
/// App Service's managed identity endpoint on http://127.0.0.1 (Kestrel, port 0), as the platform runs it on
/// localhost: <c>GET /msi/token?api-version=2019-08-01&amp;resource=…&amp;client_id=…</c> with the header
/// <c>X-IDENTITY-HEADER</c>. A known client id gets <c>{access_token, expires_on, resource, token_type, client_id}</c>
/// (<c>msi-token-1</c>, <c>-2</c> …); an unknown one App Service's 400
/// <c>{"statusCode":400,"message":"Unable to load the proper Managed Identity.","correlationId":…}</c>.
/// <see cref="Use"/> sets <c>IDENTITY_ENDPOINT</c>/<c>IDENTITY_HEADER</c> for the process (Azure.Identity reads
/// nothing else), so tests using it run in <see cref="AloneCollection"/>. Azure.Identity caches managed identity tokens
/// process-wide by client id and resource: give every test its own client id.
/// </summary>
public sealed class FakeIdentityEndpoint : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly Lock sync = new();
    private readonly List<IdentityRequest> requests = [];
    private readonly HashSet<string> identities = new(StringComparer.OrdinalIgnoreCase);
    private int issued;

    private FakeIdentityEndpoint(WebApplication app) => this.app = app;

    /// <summary>What App Service puts in IDENTITY_ENDPOINT, e.g. <c>http://127.0.0.1:5123/msi/token</c>.</summary>
    public string Endpoint { get; private set; } = "";

    /// <summary>The per-site secret App Service puts in IDENTITY_HEADER.</summary>
    public string Header { get; } = "identity-header-" + Guid.NewGuid().ToString("N");

    /// <summary>Lifetime of issued tokens (App Service's last about a day).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(24);

    public IReadOnlyList<IdentityRequest> Requests
    {
        get { lock (sync) return requests.ToList(); }
    }

    /// <summary>Starts with user-assigned identities attached under these client ids.</summary>
    public static async Task<FakeIdentityEndpoint> StartAsync(params string[] clientIds)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var web = builder.Build();
        var fake = new FakeIdentityEndpoint(web);
        foreach (var id in clientIds) fake.identities.Add(id);
        web.Run(fake.HandleAsync);
        await web.StartAsync();
        var address = web.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        fake.Endpoint = address.TrimEnd('/') + "/msi/token";
        return fake;
    }

    /// <summary>Points this process's managed identity at this endpoint until disposed (then restores what was there).</summary>
    public IDisposable Use() => new EnvironmentScope(new Dictionary<string, string?>
    {
        ["IDENTITY_ENDPOINT"] = Endpoint,
        ["IDENTITY_HEADER"] = Header,
        // Older names Azure.Identity would also look at; none may point elsewhere.
        ["MSI_ENDPOINT"] = null,
        ["MSI_SECRET"] = null,
    });

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var request = new IdentityRequest(context.Request.Method, context.Request.Path.Value ?? "", query["api-version"].ToString(),
            query["resource"].ToString(), query["client_id"].ToString(), context.Request.Headers["X-IDENTITY-HEADER"].ToString());
        int number;
        lock (sync)
        {
            requests.Add(request);
            number = ++issued;
        }
        context.Response.ContentType = "application/json; charset=utf-8";
        if (request.Method != "GET" || request.Path != "/msi/token" || request.ApiVersion != "2019-08-01")
        {
            context.Response.StatusCode = 404;
            return;
        }
        if (request.IdentityHeader != Header)
        {
            // Not App Service's documented body; only a request without the site's header gets here.
            context.Response.StatusCode = 401;
            await context.Response.WriteAsync("""{"statusCode":401,"message":"The X-IDENTITY-HEADER is missing or wrong."}""");
            return;
        }
        if (!identities.Contains(request.ClientId))
        {
            context.Response.StatusCode = 400;
            await context.Response.WriteAsync(new JsonObject
            {
                ["statusCode"] = 400,
                ["message"] = "Unable to load the proper Managed Identity.",
                ["correlationId"] = Guid.NewGuid().ToString(),
            }.ToJsonString());
            return;
        }
        var expires = DateTimeOffset.UtcNow.Add(TokenLifetime).ToUnixTimeSeconds();
        await context.Response.WriteAsync(new JsonObject
        {
            ["access_token"] = $"msi-token-{number}",
            ["expires_on"] = expires.ToString(CultureInfo.InvariantCulture),
            ["resource"] = request.Resource,
            ["token_type"] = "Bearer",
            ["client_id"] = request.ClientId,
        }.ToJsonString());
    }

    public sealed record IdentityRequest(string Method, string Path, string ApiVersion, string Resource, string ClientId, string IdentityHeader);

    private sealed class EnvironmentScope : IDisposable
    {
        private readonly Dictionary<string, string?> previous = [];

        public EnvironmentScope(Dictionary<string, string?> values)
        {
            foreach (var (name, value) in values)
            {
                previous[name] = Environment.GetEnvironmentVariable(name);
                Environment.SetEnvironmentVariable(name, value);
            }
        }

        public void Dispose()
        {
            foreach (var (name, value) in previous) Environment.SetEnvironmentVariable(name, value);
        }
    }
}
