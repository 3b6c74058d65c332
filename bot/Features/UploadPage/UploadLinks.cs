using VocEdWeek.Bot.Links;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.UploadPage;

/// <summary>
/// The result of presenting an upload link: valid (with its target), expired, invalid, or revoked (well signed, but the
/// week file no longer lists its liaison for that department).
/// </summary>
public sealed record UploadAccess(LinkStatus Status, UploadTarget? Target, string? Locale, bool Revoked = false)
{
    public static UploadAccess Invalid { get; } = new(LinkStatus.Invalid, null, null);
}

/// <summary>Makes personal upload links and checks presented ones (signature, purpose, expiry, and that the week still has that item).</summary>
public sealed class UploadLinks(LinkSigner signer, WeekCatalog weeks)
{
    public (string Url, DateTimeOffset ExpiresAt) Create(UploadGrant grant)
    {
        var token = signer.Create(UploadGrant.Purpose, grant.ToClaims(), signer.Options.UploadLinkLifetime);
        // Read back so the card shows exactly the expiry the page will enforce (whole seconds).
        var expires = signer.Verify(token, UploadGrant.Purpose).ExpiresAt!.Value;
        return (signer.Url("/upload/" + token), expires);
    }

    public UploadAccess Open(string? token)
    {
        var check = signer.Verify(token, UploadGrant.Purpose);
        if (check.Status == LinkStatus.Invalid || UploadGrant.From(check) is not { } grant) return UploadAccess.Invalid;
        if (check.Status == LinkStatus.Expired) return new UploadAccess(LinkStatus.Expired, null, grant.Locale);
        // A week file edited since the link was made (department or day gone) makes the link void.
        if (weeks.Find(grant.WeekId) is not { } week || week.Department(grant.DepartmentId) is not { } department
            || WeekItem.Parse(grant.ItemKey) is not { } item
            || item is { Kind: ItemKind.DailyReport, Day: { } day } && !week.Calendar.IsWeekDay(day)) return UploadAccess.Invalid;
        // A liaison taken off the department (or the roster) loses the links already given, not only new ones.
        if (grant.RosterKey is { } key && !ListsLiaison(week, key, department.Id))
            return new UploadAccess(LinkStatus.Invalid, null, grant.Locale, Revoked: true);
        return new UploadAccess(LinkStatus.Valid, new UploadTarget(grant, week, department, item, check.ExpiresAt!.Value, token!), grant.Locale);
    }

    private static bool ListsLiaison(ActiveWeek week, string key, string departmentId) =>
        week.Roster.Find(key, key) is { Role: Role.Liaison, Department.Id: var listed } && listed == departmentId;
}
