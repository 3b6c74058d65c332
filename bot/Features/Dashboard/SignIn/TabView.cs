using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.Dashboard.SignIn;

/// <summary>What the signed-in tab shows.</summary>
public enum TabView
{
    /// <summary>Nothing of the week: not on the roster, or a role the tab has no view for.</summary>
    Nothing,

    /// <summary>The office's whole dashboard (the signed dashboard link's page).</summary>
    Dashboard,

    /// <summary>A liaison's own department only: its items, statuses and photos.</summary>
    Department,

    /// <summary>Admins: the roster (read-only) with the settings log, and a way on to the dashboard.</summary>
    Roster,
}

public static class TabViews
{
    /// <summary>
    /// The one place a role becomes a view: staff and observers the dashboard, admins their roster view (which links on to
    /// the dashboard), a liaison their department. Anything not listed sees nothing.
    /// </summary>
    public static TabView For(Member? member) => member switch
    {
        { Role: Role.Admin } => TabView.Roster,
        { Role: Role.Staff or Role.Observer } => TabView.Dashboard,
        { Role: Role.Liaison, Department: not null } => TabView.Department,
        _ => TabView.Nothing,
    };
}
