using VocEdWeek.Bot.Links;

namespace VocEdWeek.Bot.Features.UploadPage;

/// <summary>
/// What an upload link allows, carried signed inside it: add files to one item of one department in one
/// week, on behalf of one liaison, acknowledged in one chat. Nothing in a request can widen it.
/// </summary>
/// <param name="RosterKey">The liaison's Entra id or e-mail as the week file lists them: the link works only while the week
/// file still lists that liaison for that department.</param>
public sealed record UploadGrant(string WeekId, string DepartmentId, string ItemKey, string FromName, string? FromAadObjectId, string ConversationId, string Locale,
    string? RosterKey = null)
{
    public const string Purpose = "upload";

    // Short claim names keep the link short enough for chat clients and phone browsers.
    public IReadOnlyDictionary<string, string> ToClaims() => new Dictionary<string, string>
    {
        ["w"] = WeekId,
        ["d"] = DepartmentId,
        ["i"] = ItemKey,
        ["u"] = FromName,
        ["a"] = FromAadObjectId ?? "",
        ["c"] = ConversationId,
        ["l"] = Locale,
        ["r"] = RosterKey ?? "",
    };

    /// <summary>The grant inside a checked link (valid or expired), or null when a claim is missing.</summary>
    public static UploadGrant? From(LinkCheck check)
    {
        string? Claim(string name) => check[name] is { Length: > 0 } v ? v : null;
        if (Claim("w") is not { } week || Claim("d") is not { } department || Claim("i") is not { } item
            || Claim("u") is not { } name || Claim("c") is not { } conversation) return null;
        return new UploadGrant(week, department, item, name, Claim("a"), conversation, Claim("l") ?? "zh-CN", Claim("r"));
    }
}
