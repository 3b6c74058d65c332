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
}

public static class TabViews
{
    /// <summary>
    /// The one place a role becomes a view. New roles are one line each: observers see the dashboard
    /// (<c>Role.Observer => TabView.Dashboard</c>); admins get their roster view (add <c>TabView.Roster</c> and its link
    /// in <see cref="TabSession"/>). Anything not listed sees nothing.
    /// </summary>
    public static TabView For(Member? member) => member switch
    {
        { Role: Role.Staff } => TabView.Dashboard,
        // { Role: Role.Observer } => TabView.Dashboard,
        // { Role: Role.Admin } => TabView.Roster,   (the admins' read-only roster with the settings log)
        { Role: Role.Liaison, Department: not null } => TabView.Department,
        _ => TabView.Nothing,
    };
}
