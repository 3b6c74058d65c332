using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;

namespace VocEdWeek.Bot.Hosting;

/// <summary>
/// <c>ForwardedHeaders</c> section: X-Forwarded-For/Proto/Host are believed only from the reverse proxy in front of
/// the bot (nginx on the same server by default). From anyone else they are ignored, so a client talking to Kestrel
/// directly cannot claim to be https or another address.
/// </summary>
public static class TrustedProxyHeaders
{
    /// <summary>Must be the first middleware: everything after it sees the client's scheme, host and address.</summary>
    public static WebApplication UseTrustedProxyHeaders(this WebApplication app)
    {
        app.UseForwardedHeaders(From(app.Configuration));
        return app;
    }

    /// <summary>
    /// <c>ForwardedHeaders:KnownProxies</c> (addresses) and <c>ForwardedHeaders:KnownNetworks</c> (CIDR). When neither is
    /// set: loopback only (127.0.0.0/8 and ::1), the usual nginx-on-the-same-server setup. When either is set, exactly
    /// what is listed (loopback too only if listed).
    /// </summary>
    public static ForwardedHeadersOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection("ForwardedHeaders");
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost,
            // One hop, nginx: only the address nginx itself appended is taken, never one the client wrote before it.
            ForwardLimit = 1,
        };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var (path, text) in Entries(section, "KnownProxies"))
        {
            if (!IPAddress.TryParse(text, out var address))
                throw new ConfigurationException($"{path} '{text}' is not an IP address like 127.0.0.1.");
            options.KnownProxies.Add(address);
        }
        foreach (var (path, text) in Entries(section, "KnownNetworks"))
        {
            if (!IPNetwork.TryParse(text, out var network))
                throw new ConfigurationException($"{path} '{text}' is not a network like 10.0.0.0/8.");
            options.KnownIPNetworks.Add(network);
        }
        if (options.KnownProxies.Count == 0 && options.KnownIPNetworks.Count == 0)
        {
            options.KnownIPNetworks.Add(IPNetwork.Parse("127.0.0.0/8"));
            options.KnownProxies.Add(IPAddress.IPv6Loopback);
        }
        return options;
    }

    private static IEnumerable<(string Path, string Text)> Entries(IConfigurationSection section, string key)
    {
        var list = section.GetSection(key);
        var entries = list.GetChildren().ToList();
        // A single value (ForwardedHeaders__KnownProxies=10.0.0.5 in the env file) is a one-item list.
        if (entries.Count == 0 && !string.IsNullOrWhiteSpace(list.Value)) entries = [list];
        return entries.Select(e => (e.Path, e.Value?.Trim() ?? ""));
    }
}
