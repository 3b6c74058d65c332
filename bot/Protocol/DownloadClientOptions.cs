namespace VocEdWeek.Bot.Protocol;

/// <summary>
/// How the download client reaches users' files (keys in the <c>Files</c> section, next to the rest of file intake):
/// the TCP connect limit, and whether plain http is allowed to loopback addresses (local fakes in Development and
/// tests). Everything else must be https.
/// </summary>
public sealed record DownloadClientOptions(TimeSpan ConnectTimeout, bool AllowLoopbackHttp)
{
    public static readonly DownloadClientOptions HttpsOnly = new(TimeSpan.FromSeconds(15), false);

    public static DownloadClientOptions From(IConfiguration configuration, IHostEnvironment environment)
    {
        var raw = configuration["Files:ConnectTimeout"];
        var connect = HttpsOnly.ConnectTimeout;
        if (!string.IsNullOrWhiteSpace(raw)
            && (!TimeSpan.TryParse(raw, System.Globalization.CultureInfo.InvariantCulture, out connect) || connect <= TimeSpan.Zero))
        {
            throw new ConfigurationException($"Files:ConnectTimeout '{raw}' is not a positive time span like 00:00:15.");
        }
        return new DownloadClientOptions(connect, environment.IsDevelopment());
    }

    /// <summary>https anywhere; http only to a loopback address, and only when allowed.</summary>
    public bool Allows(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (AllowLoopbackHttp && uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
        && !string.IsNullOrEmpty(uri.Host);
}
