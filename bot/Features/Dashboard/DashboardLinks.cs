using VocEdWeek.Bot.Links;

namespace VocEdWeek.Bot.Features.Dashboard;

/// <summary>
/// The office's signed dashboard links: purpose "dashboard", claims week id (w), staff name (s) and the language
/// the staff member reads (l). Outside Teams, holding a valid link is the only key to the page. A link made for a
/// liaison (by the signed-in tab) also carries their department (d): it opens that department's own view and its files only.
/// </summary>
public sealed class DashboardLinks(LinkSigner signer)
{
    public const string Purpose = "dashboard";
    public const string WeekClaim = "w";
    public const string StaffClaim = "s";
    public const string LocaleClaim = "l";
    public const string DepartmentClaim = "d";
    /// <summary>Whose link it is: a link stops working when its holder leaves the role it was made for.</summary>
    public const string PersonClaim = "k";
    public const string RosterClaim = "r";

    public sealed record Issued(string Url, string Token, DateTimeOffset ExpiresAt);

    /// <summary>The office's link; <paramref name="personKey"/> (Entra id or e-mail) is checked against the roster at every use.</summary>
    public Issued Create(string weekId, string staffName, string locale, string? personKey = null) => Create(Claims(weekId, staffName, locale, personKey));

    /// <summary>A link to one department's own view, for its liaison (while they are its liaison).</summary>
    public Issued CreateForDepartment(string weekId, string liaisonName, string departmentId, string locale, string? personKey = null)
    {
        var claims = Claims(weekId, liaisonName, locale, personKey);
        claims[DepartmentClaim] = departmentId;
        return Create(claims);
    }

    /// <summary>The admins' read-only roster with the settings log (from the signed-in tab).</summary>
    public Issued CreateForRoster(string weekId, string adminName, string locale, string personKey)
    {
        var claims = Claims(weekId, adminName, locale, personKey);
        claims[RosterClaim] = "1";
        return Create(claims);
    }

    private static Dictionary<string, string> Claims(string weekId, string name, string locale, string? personKey)
    {
        var claims = new Dictionary<string, string> { [WeekClaim] = weekId, [StaffClaim] = name, [LocaleClaim] = locale };
        if (personKey is not null) claims[PersonClaim] = personKey;
        return claims;
    }

    private Issued Create(Dictionary<string, string> claims)
    {
        var token = signer.Create(Purpose, claims, signer.Options.DashboardLinkLifetime);
        // The expiry as the signer wrote it into the token (whole seconds), so the card and the page agree.
        var expiresAt = signer.Verify(token, Purpose).ExpiresAt ?? DateTimeOffset.MinValue;
        return new Issued(signer.Url("/dashboard?t=" + token), token, expiresAt);
    }

    public LinkCheck Verify(string? token) => signer.Verify(token, Purpose);
}
