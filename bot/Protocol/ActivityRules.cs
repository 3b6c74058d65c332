using System.Net;
using System.Text.Json;

namespace VocEdWeek.Bot.Protocol;

/// <summary>
/// What an activity must look like before any of it is used: ids short and printable (LiteDB indexes keys of at most
/// 1,023 bytes; Teams ids are well under 512 characters), text and card data bounded, a serviceUrl that is an
/// http(s) address (in anonymous mode a loopback one, so an unauthenticated caller cannot make the bot post
/// anywhere else). Nulls inside arrays are dropped. Anything else is a 400 with no detail.
/// </summary>
public static class ActivityRules
{
    public const int MaxIdChars = 512;
    public const int MaxNameChars = 512;
    /// <summary>Teams refuses messages above ~28 KB, so no genuine message text comes near this.</summary>
    public const int MaxTextChars = 40_000;
    /// <summary>Card data: above the largest form (about 20,000 characters of inputs) with room to spare.</summary>
    public const int MaxValueChars = 256 * 1024;

    public static bool IsAcceptable(Activity a, bool anonymous)
    {
        a.Entities?.RemoveAll(e => e is null);
        a.Attachments?.RemoveAll(x => x is null);
        a.MembersAdded?.RemoveAll(m => m is null);
        a.MembersRemoved?.RemoveAll(m => m is null);

        if (!IsId(a.Type, 64) || !IsId(a.Conversation?.Id)) return false;
        if (!OptionalIds(a.Id, a.ReplyToId, a.ChannelId, a.Conversation?.TenantId, a.From?.Id, a.From?.AadObjectId, a.Recipient?.Id)) return false;
        var data = a.ChannelData;
        if (!OptionalIds(data?.Tenant?.Id, data?.Team?.Id, data?.Channel?.Id, data?.Settings?.SelectedChannel?.Id, a.Name, a.Action, a.Locale)) return false;
        if (!Short(MaxNameChars, a.From?.Name, a.Recipient?.Name, a.Conversation?.Name, data?.Team?.Name, data?.Channel?.Name)) return false;
        if (!Short(MaxTextChars, a.Text, a.Summary)) return false;
        if (a.Value is { } value && value.ValueKind != JsonValueKind.Undefined && value.GetRawText().Length > MaxValueChars) return false;
        foreach (var m in (a.MembersAdded ?? []).Concat(a.MembersRemoved ?? []).Concat((a.Entities ?? []).Select(e => e.Mentioned)))
        {
            if (m is not null && !OptionalIds(m.Id, m.AadObjectId)) return false;
        }
        return a.ServiceUrl is null || IsServiceUrl(a.ServiceUrl, anonymous);
    }

    /// <summary>An absolute http(s) URL; in anonymous mode its host must be loopback.</summary>
    public static bool IsServiceUrl(string url, bool anonymous) =>
        url.Length <= 2048
        && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && (!anonymous || IsLoopback(uri));

    public static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    private static bool OptionalIds(params string?[] ids) => ids.All(id => string.IsNullOrEmpty(id) || IsId(id));

    private static bool IsId(string? id, int max = MaxIdChars) =>
        !string.IsNullOrWhiteSpace(id) && id.Length <= max && !id.Any(char.IsControl) && !WireText.HasLoneSurrogate(id);

    private static bool Short(int max, params string?[] texts) => texts.All(t => t is null || t.Length <= max);
}
