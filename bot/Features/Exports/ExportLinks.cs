using VocEdWeek.Bot.Links;

namespace VocEdWeek.Bot.Features.Exports;

/// <summary>The link on the card: SharePoint's webUrl, or a signed, expiring link to <c>/download/{token}</c> for local files.</summary>
public sealed class ExportLinks(LinkSigner signer, TimeProvider time)
{
    public const string Purpose = "download";
    public const string Claim = "export";

    public TimeSpan Lifetime => signer.Options.DownloadLinkLifetime;

    public ExportLink For(ExportRecord record)
    {
        if (record.Storage == ExportStorage.SharePoint && record.WebUrl is { Length: > 0 } web) return new ExportLink(web, null);
        var token = signer.Create(Purpose, new Dictionary<string, string> { [Claim] = record.Id }, Lifetime);
        return new ExportLink(signer.Url("/download/" + token), time.GetUtcNow().Add(Lifetime));
    }
}

/// <summary>A link to an export; <see cref="ExpiresAt"/> is null for SharePoint links (they follow the library's permissions).</summary>
public sealed record ExportLink(string Url, DateTimeOffset? ExpiresAt);
