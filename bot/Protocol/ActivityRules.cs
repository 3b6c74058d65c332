using System.Net;
using System.Runtime.InteropServices;
using System.Text;
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
        if (a.Value is { } value && value.ValueKind != JsonValueKind.Undefined && RawChars(value) > MaxValueChars) return false;
        if (!MemberIds(a.MembersAdded) || !MemberIds(a.MembersRemoved)) return false;
        foreach (var e in a.Entities ?? [])
        {
            if (e.Mentioned is { } m && !OptionalIds(m.Id, m.AadObjectId)) return false;
        }
        return a.ServiceUrl is null || IsServiceUrl(a.ServiceUrl, anonymous);
    }

    // Every activity is checked: the checks below read in place (no copy of the card data as a string, no arrays or
    // enumerators), the same rules as the LINQ they replaced.
    private static bool MemberIds(List<ChannelAccount>? members)
    {
        foreach (var m in members ?? [])
        {
            if (m is not null && !OptionalIds(m.Id, m.AadObjectId)) return false;
        }
        return true;
    }

    /// <summary>The length <see cref="JsonElement.GetRawText"/> would have, counted on the UTF-8 in place.</summary>
    private static int RawChars(JsonElement value) => Encoding.UTF8.GetCharCount(JsonMarshal.GetRawUtf8Value(value));

    /// <summary>An absolute http(s) URL; in anonymous mode its host must be loopback.</summary>
    public static bool IsServiceUrl(string url, bool anonymous) =>
        url.Length <= 2048
        && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && (!anonymous || IsLoopback(uri));

    public static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    private static bool OptionalIds(params ReadOnlySpan<string?> ids)
    {
        foreach (var id in ids)
        {
            if (!string.IsNullOrEmpty(id) && !IsId(id)) return false;
        }
        return true;
    }

    private static bool IsId(string? id, int max = MaxIdChars) =>
        !string.IsNullOrWhiteSpace(id) && id.Length <= max && !HasControl(id) && !WireText.HasLoneSurrogate(id);

    private static bool HasControl(string id)
    {
        foreach (var c in id)
        {
            if (char.IsControl(c)) return true;
        }
        return false;
    }

    private static bool Short(int max, params ReadOnlySpan<string?> texts)
    {
        foreach (var t in texts)
        {
            if (t is not null && t.Length > max) return false;
        }
        return true;
    }
}
