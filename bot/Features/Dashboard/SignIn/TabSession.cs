using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.Dashboard.SignIn;

/// <summary>
/// POST /tab/session: the Teams SSO token becomes a place to go. The person is looked up in the ACTIVE week's roster by
/// <c>oid</c>, then by each sign-in name; their role picks the view (<see cref="TabViews"/>) and they get a fresh signed
/// dashboard link for it, so the existing page and media endpoints serve the tab. Anyone else gets one sentence.
/// </summary>
public sealed partial class TabSession(EntraTokenValidator validator, WeekCatalog weeks, DashboardLinks links, ILogger<TabSession> log)
{
    /// <summary>Where the tab goes (<see cref="Url"/>), or the sentence it shows instead (<see cref="Message"/>).</summary>
    public sealed record Answer(int Status, string? Url, string? Message, TabView View);

    public async Task<Answer> StartAsync(string? token, Strings t, string pathBase, CancellationToken ct)
    {
        var checkedToken = await validator.ValidateAsync(token, ct);
        if (checkedToken.Identity is not { } identity)
        {
            LogRefused(log, checkedToken.Refusal ?? "unknown");
            return new Answer(StatusCodes.Status401Unauthorized, null, TabPage.Sentences(t, "tab_signin_failed", "dashboard_get_link"), TabView.Nothing);
        }
        if (weeks.Active is not { } week) return new Answer(StatusCodes.Status404NotFound, null, t["tab_no_week"], TabView.Nothing);

        var member = week.Roster.Find(identity.ObjectId, null)
            ?? identity.Names.Select(n => week.Roster.Find(null, n)).FirstOrDefault(m => m is not null);
        var view = TabViews.For(member);
        switch (view)
        {
            case TabView.Dashboard:
                return Go(links.Create(week.Definition.Id, member!.Person.Name, t.Culture.Name, LinkHolder.KeyOf(member)), pathBase, view);
            case TabView.Department:
                return Go(links.CreateForDepartment(week.Definition.Id, member!.Person.Name, member.Department!.Id, t.Culture.Name, LinkHolder.KeyOf(member)), pathBase, view);
            case TabView.Roster when LinkHolder.KeyOf(member!) is { } key:
                return Go(links.CreateForRoster(week.Definition.Id, member!.Person.Name, t.Culture.Name, key), pathBase, view);
            default:
                LogNotOnRoster(log, identity.ObjectId);
                return new Answer(StatusCodes.Status403Forbidden, null, t["tab_not_on_roster"], TabView.Nothing);
        }
    }

    /// <summary>A path on this same origin (the tab's own), whatever Links:PublicBaseUrl says.</summary>
    private static Answer Go(DashboardLinks.Issued issued, string pathBase, TabView view) =>
        new(StatusCodes.Status200OK, pathBase + "/dashboard?t=" + Uri.EscapeDataString(issued.Token), null, view);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tab sign-in refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tab sign-in: Entra user {ObjectId} is not on the active week's roster")]
    private static partial void LogNotOnRoster(ILogger logger, string objectId);
}
