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

    public sealed record Issued(string Url, string Token, DateTimeOffset ExpiresAt);

    public Issued Create(string weekId, string staffName, string locale) => Create(new Dictionary<string, string>
    {
        [WeekClaim] = weekId,
        [StaffClaim] = staffName,
        [LocaleClaim] = locale,
    });

    /// <summary>A link to one department's own view, for its liaison.</summary>
    public Issued CreateForDepartment(string weekId, string liaisonName, string departmentId, string locale) => Create(new Dictionary<string, string>
    {
        [WeekClaim] = weekId,
        [StaffClaim] = liaisonName,
        [LocaleClaim] = locale,
        [DepartmentClaim] = departmentId,
    });

    private Issued Create(Dictionary<string, string> claims)
    {
        var token = signer.Create(Purpose, claims, signer.Options.DashboardLinkLifetime);
        // The expiry as the signer wrote it into the token (whole seconds), so the card and the page agree.
        var expiresAt = signer.Verify(token, Purpose).ExpiresAt ?? DateTimeOffset.MinValue;
        return new Issued(signer.Url("/dashboard?t=" + token), token, expiresAt);
    }

    public LinkCheck Verify(string? token) => signer.Verify(token, Purpose);
}
