using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VocEdWeek.Bot.Hosting;

namespace VocEdWeek.Bot.Tests.Hosting;

/// <summary>
/// X-Forwarded-For/Proto/Host count only when they come from the configured proxy. The bot's own links are built from
/// Links:PublicBaseUrl, never from the request, so what the middleware changes (the request's scheme, host and client
/// address) is read here from a small app that runs exactly the bot's <see cref="TrustedProxyHeaders"/>.
/// </summary>
public sealed class TrustedProxyHeadersTests
{
    private static readonly Dictionary<string, string> NginxHeaders = new()
    {
        ["X-Forwarded-Proto"] = "https",
        ["X-Forwarded-For"] = "203.0.113.7",
        ["X-Forwarded-Host"] = "bot.college.edu.cn",
    };

    [Fact]
    public async Task Nginx_on_the_same_server_is_believed_by_default()
    {
        // Real Kestrel on 127.0.0.1: the request really comes from loopback, as from nginx.
        var seen = await OverKestrelAsync([], NginxHeaders);
        Assert.Equal("https 203.0.113.7 bot.college.edu.cn", seen);
    }

    [Fact]
    public async Task A_configured_proxy_list_replaces_loopback()
    {
        var seen = await OverKestrelAsync(new() { ["ForwardedHeaders:KnownProxies:0"] = "192.0.2.10" }, NginxHeaders);
        Assert.StartsWith("http 127.0.0.1 127.0.0.1:", seen, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_reaching_kestrel_directly_cannot_claim_https()
    {
        var seen = await FromAsync("198.51.100.20", [], NginxHeaders);
        Assert.Equal("http 198.51.100.20 localhost", seen);
    }

    [Theory]
    [InlineData("ForwardedHeaders:KnownNetworks:0", "10.0.0.0/8")]
    [InlineData("ForwardedHeaders:KnownProxies:0", "10.1.2.3")]
    [InlineData("ForwardedHeaders:KnownProxies", "10.1.2.3")] // one value, as an env file writes it
    public async Task A_listed_proxy_elsewhere_is_believed(string key, string value)
    {
        var seen = await FromAsync("10.1.2.3", new() { [key] = value }, NginxHeaders);
        Assert.Equal("https 203.0.113.7 bot.college.edu.cn", seen);
    }

    [Fact]
    public async Task An_address_the_client_wrote_before_nginx_added_its_own_is_not_taken()
    {
        // nginx's $proxy_add_x_forwarded_for appends the real client to whatever the client sent.
        var headers = new Dictionary<string, string>(NginxHeaders) { ["X-Forwarded-For"] = "192.0.2.66, 203.0.113.7" };
        var seen = await FromAsync("127.0.0.1", [], headers);
        Assert.Equal("https 203.0.113.7 bot.college.edu.cn", seen);
    }

    [Theory]
    [InlineData("ForwardedHeaders:KnownProxies:0", "localhost", "ForwardedHeaders:KnownProxies:0 'localhost' is not an IP address")]
    [InlineData("ForwardedHeaders:KnownNetworks:1", "10.0.0.0/33", "ForwardedHeaders:KnownNetworks:1 '10.0.0.0/33' is not a network")]
    public void A_bad_entry_is_named(string key, string value, string expected)
    {
        var settings = new Dictionary<string, string?> { ["ForwardedHeaders:KnownNetworks:0"] = "10.0.0.0/8", [key] = value };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var ex = Assert.Throws<ConfigurationException>(() => TrustedProxyHeaders.From(configuration));
        Assert.StartsWith(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_real_bot_refuses_a_bad_proxy_address_in_one_sentence()
    {
        var (exitCode, message) = await Fakes.BotProcess.RunUntilItStopsAsync(new() { ["ForwardedHeaders__KnownProxies__0"] = "nginx.local" });

        Assert.Equal(2, exitCode);
        Assert.Contains("ForwardedHeaders:KnownProxies:0 'nginx.local' is not an IP address", message, StringComparison.Ordinal);
        Assert.Single(message.Split('\n'));
    }

    private static WebApplication Build(Dictionary<string, string?> settings, Action<IWebHostBuilder> server)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings);
        server(builder.WebHost);
        var app = builder.Build();
        app.UseTrustedProxyHeaders();
        app.MapGet("/whoami", (HttpContext c) => $"{c.Request.Scheme} {c.Connection.RemoteIpAddress} {c.Request.Host}");
        return app;
    }

    private static async Task<string> OverKestrelAsync(Dictionary<string, string?> settings, Dictionary<string, string> headers)
    {
        await using var app = Build(settings, web => web.UseKestrel(k => k.Listen(IPAddress.Loopback, 0)));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, address.TrimEnd('/') + "/whoami");
        foreach (var (k, v) in headers) request.Headers.Add(k, v);
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>In-process, with the connection's remote address set as a real one would be.</summary>
    private static async Task<string> FromAsync(string remote, Dictionary<string, string?> settings, Dictionary<string, string> headers)
    {
        await using var app = Build(settings, web => web.UseTestServer());
        await app.StartAsync();
        var context = await app.GetTestServer().SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = IPAddress.Parse(remote);
            c.Request.Method = "GET";
            c.Request.Path = "/whoami";
            foreach (var (k, v) in headers) c.Request.Headers[k] = v;
        });
        Assert.Equal(200, context.Response.StatusCode);
        return await new StreamReader(context.Response.Body).ReadToEndAsync();
    }
}
