using VocEdWeek.Bot.Links;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.Dashboard;

/// <summary>
/// A dashboard link is only as good as its holder's role, checked at every use against the week as it is now: a
/// liaison replaced in the chat, or staff removed, loses the page and its photos at once, not when the link expires.
/// </summary>
public static class LinkHolder
{
    /// <summary>
    /// True while the link's holder still has the role it was made for: a department's liaison (in the link's week), an
    /// admin, or anyone of the office — the office as the access gate reads it (the active week's, else the latest), since
    /// the office also looks at past weeks.
    /// </summary>
    public static bool StillEntitled(LinkCheck check, ActiveWeek week, WeekCatalog weeks)
    {
        // Links made before links named their holder carry no key; they expire within the link lifetime.
        if (check[DashboardLinks.PersonClaim] is not { } key) return true;
        if (check[DashboardLinks.DepartmentClaim] is { } department)
            return week.Roster.Find(key, key) is { Role: Role.Liaison, Department.Id: var own } && own == department;
        var office = (weeks.Active ?? weeks.Latest)?.Roster.Find(key, key);
        return check[DashboardLinks.RosterClaim] is not null ? office is { Role: Role.Admin } : office is { IsOffice: true };
    }

    /// <summary>The key a link names its holder by: their Entra id when the roster has one, else the e-mail it lists.</summary>
    public static string? KeyOf(Member member) => member.Person.AadObjectId ?? member.Person.Email;
}
