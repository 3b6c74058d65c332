using VocEdWeek.Bot.Links;

namespace VocEdWeek.Bot.Features.Dashboard;

/// <summary>
/// The office's signed dashboard links: purpose "dashboard", claims week id (w), staff name (s) and the language
/// the staff member reads (l). Until Teams single sign-on is set up, holding a valid link is the only key to the page.
/// </summary>
public sealed class DashboardLinks(LinkSigner signer)
{
    public const string Purpose = "dashboard";
    public const string WeekClaim = "w";
    public const string StaffClaim = "s";
    public const string LocaleClaim = "l";

    public sealed record Issued(string Url, string Token, DateTimeOffset ExpiresAt);

    public Issued Create(string weekId, string staffName, string locale)
    {
        var token = signer.Create(Purpose, new Dictionary<string, string>
        {
            [WeekClaim] = weekId,
            [StaffClaim] = staffName,
            [LocaleClaim] = locale,
        }, signer.Options.DashboardLinkLifetime);
        // The expiry as the signer wrote it into the token (whole seconds), so the card and the page agree.
        var expiresAt = signer.Verify(token, Purpose).ExpiresAt ?? DateTimeOffset.MinValue;
        return new Issued(signer.Url("/dashboard?t=" + token), token, expiresAt);
    }

    public LinkCheck Verify(string? token) => signer.Verify(token, Purpose);
}
