namespace VocEdWeek.Bot.Links;

/// <summary><c>Links</c> section: the bot's public address and how its signed web links are made.</summary>
public sealed class WebLinkOptions
{
    /// <summary>The address Teams users reach the bot at (the messaging endpoint's host), e.g. https://bot.college.edu.cn.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:3978";

    /// <summary>Base64 HMAC key (32+ bytes). Empty: one is generated once and kept beside the database (LiteDB only: on
    /// PostgreSQL every instance must sign with the same key, so start-up requires it, see StorageOptions.Problem).</summary>
    public string? SigningKey { get; set; }

    /// <summary>A liaison's personal upload page stays open this long.</summary>
    public TimeSpan UploadLinkLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>The office dashboard link stays valid this long.</summary>
    public TimeSpan DashboardLinkLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>A link to an exported file kept in the local store stays valid this long.</summary>
    public TimeSpan DownloadLinkLifetime { get; set; } = TimeSpan.FromDays(7);
}
