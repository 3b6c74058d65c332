namespace VocEdWeek.Bot.Protocol;

/// <summary>
/// Anonymous mode (no authentication in or out) is for a developer's own machine: Development only, and listening on
/// loopback only, so nobody else can talk to the bot as anyone or make it post anywhere. Checked before Kestrel starts.
/// </summary>
public static class AnonymousBinding
{
    public static void ThrowIfExposed(IConfiguration configuration, IHostEnvironment environment)
    {
        if (!environment.IsDevelopment())
        {
            throw new ConfigurationException(
                $"MicrosoftAppId is empty, which turns off all authentication; set it (with MicrosoftAppPassword) or run with ASPNETCORE_ENVIRONMENT=Development for local testing (now '{environment.EnvironmentName}').");
        }
        if (ExposedUrl(configuration) is { } url)
        {
            throw new ConfigurationException(
                $"MicrosoftAppId is empty (anonymous mode), so the bot may only listen on loopback, but urls has '{url}'; use e.g. --urls http://127.0.0.1:3978, or set MicrosoftAppId.");
        }
    }

    /// <summary>The first address Kestrel would listen on that is not loopback (urls, http_ports/https_ports, Kestrel:Endpoints).</summary>
    public static string? ExposedUrl(IConfiguration configuration)
    {
        var urls = (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        // Bare ports listen on every interface.
        foreach (var key in new[] { "http_ports", "https_ports" })
        {
            urls.AddRange((configuration[key] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => $"http://*:{p}"));
        }
        urls.AddRange(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>());
        return urls.FirstOrDefault(u => !IsLoopbackUrl(u));
    }

    private static bool IsLoopbackUrl(string url)
    {
        // "*" and "+" are not valid URI hosts; they mean every interface.
        if (url.Contains("://*", StringComparison.Ordinal) || url.Contains("://+", StringComparison.Ordinal)) return false;
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && ActivityRules.IsLoopback(uri);
    }
}
