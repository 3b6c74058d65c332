using VocEdWeek.Bot.Files.SharePoint;
using VocEdWeek.Bot.Links;
using VocEdWeek.Bot.Protocol;

namespace VocEdWeek.Bot.Operations.Check;

/// <summary>
/// The configured secrets, so that a line can be masked if a server ever echoes one back in an error message.
/// The checks never put a secret in a line themselves; this is the second belt.
/// </summary>
public sealed class SecretValues(IReadOnlyList<string> values)
{
    private const string Hidden = "***";

    public static SecretValues From(IConfiguration configuration, BotFrameworkOptions bot)
    {
        var sharePoint = configuration.GetSection("SharePoint").Get<SharePointOptions>() ?? new SharePointOptions();
        var links = configuration.GetSection("Links").Get<WebLinkOptions>() ?? new WebLinkOptions();
        string?[] all = [bot.MicrosoftAppPassword, sharePoint.ClientSecret, sharePoint.CertificatePassword, links.SigningKey];
        // Very short values would mask ordinary words; a real secret is never that short.
        return new SecretValues(all.Where(v => v is { Length: >= 6 }).Select(v => v!.Trim()).Distinct().ToList());
    }

    public string Mask(string line) => values.Aggregate(line, (text, secret) => text.Replace(secret, Hidden, StringComparison.Ordinal));
}
