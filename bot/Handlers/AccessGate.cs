using System.Runtime.CompilerServices;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Identity;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Weeks;
using VocEdWeek.Bot.Words;

namespace VocEdWeek.Bot.Handlers;

/// <summary>
/// The one place roles are checked: the router asks here before any command or card verb runs, and whoever may not
/// gets one refusal per (required access, role) in their language — never the handler's answer, never any data.
/// A handler that needs the member it let through (a name for a link, an export, an exemption) asks <see cref="Admitted"/>
/// instead of resolving and checking the role again.
/// </summary>
public sealed class AccessGate(WeekCatalog weeks, IdentityResolver identity)
{
    // Per turn, and gone with the turn: the gate is a singleton, the turn is not.
    private readonly ConditionalWeakTable<TurnContext, Member> _admitted = new();

    /// <summary>
    /// The member this gate let through on <paramref name="turn"/>, resolved against the roster the role was checked in;
    /// null for a route open to anyone or a handler reached without the gate (which then does nothing).
    /// </summary>
    public Member? Admitted(TurnContext turn) => _admitted.TryGetValue(turn, out var member) ? member : null;

    /// <summary>Runs the command when the sender may, else refuses.</summary>
    public async Task CommandAsync(ICommandHandler handler, TurnContext turn, CommandText text, CancellationToken ct)
    {
        if (await AllowAsync(turn, handler.Access, ct)) await handler.HandleAsync(turn, text, ct);
    }

    /// <summary>Runs the card action when the sender may, else refuses (in the invoke answer for Action.Execute).</summary>
    public async Task ActionAsync(ICardActionHandler handler, TurnContext turn, CancellationToken ct)
    {
        if (await AllowAsync(turn, handler.Access, ct)) await handler.HandleAsync(turn, ct);
    }

    /// <summary>True when the sender may; otherwise the refusal is already sent.</summary>
    public async Task<bool> AllowAsync(TurnContext turn, Access access, CancellationToken ct)
    {
        if (access == Access.Anyone) return true;
        var t = Strings.For(turn.Culture);
        var week = RosterWeek(access);
        string? refusal;
        Member? member = null;
        if (week is not null) refusal = Refusal(access, week, member = await identity.ResolveAsync(turn, week, ct), t);
        else if (access == Access.Admin)
            refusal = (member = await identity.ResolveAsync(turn, weeks.NoWeekRoster, ct)) is { Role: Role.Admin } ? null : t["access_admin_no_week"];
        else refusal = t[access == Access.Liaison ? "access_no_week" : "access_staff_no_week"];
        if (refusal is null)
        {
            _admitted.AddOrUpdate(turn, member!);
            return true;
        }
        await Reply.TextAsync(turn, refusal, ct);
        return false;
    }

    /// <summary>Null when <paramref name="member"/> has <paramref name="access"/> in <paramref name="week"/>, else the refusal.</summary>
    public static string? Refusal(Access access, ActiveWeek week, Member? member, Strings t)
    {
        var office = week.Definition.Office.Name;
        if (Allows(access, member)) return null;
        return (access, member) switch
        {
            (Access.Admin, _) => t.Format("access_admin_only", office, Admins(week, t)),
            (Access.Staff, { Role: Role.Observer }) => t.Format("access_staff_observer", office),
            (Access.Staff or Access.Office, { Role: Role.Liaison }) => t.Format("access_staff_liaison", office),
            (Access.Staff or Access.Office, _) => t.Format("access_staff_stranger", office, OfficeContacts.Of(week.Definition, t)),
            (Access.Liaison, { IsOffice: true }) => t.Format("access_liaison_staff", office),
            _ => t.Format("access_liaison_stranger", week.Definition.Title, OfficeContacts.Of(week.Definition, t)),
        };
    }

    /// <summary>The one table of who may what: roles above cover the ones below, except that the office fills in no forms.</summary>
    public static bool Allows(Access access, Member? member) => access switch
    {
        Access.Anyone => true,
        Access.Liaison => member is { Role: Role.Liaison, Department: not null },
        Access.Office => member is { IsOffice: true },
        Access.Staff => member is { IsStaff: true },
        Access.Admin => member is { Role: Role.Admin },
        _ => false,
    };

    private static string Admins(ActiveWeek week, Strings t)
    {
        var names = week.Definition.Office.Admins.Select(p => p.Name).Where(n => n.Length > 0).ToList();
        return names.Count > 0 ? string.Join(t["list_separator"], names) : OfficeContacts.Of(week.Definition, t);
    }

    /// <summary>
    /// The roster a role is read from: the active week's. Between weeks (archives only) the office of the latest week is
    /// still the office — it exports past weeks, and its admins set up the next — but nobody is a liaison.
    /// </summary>
    public ActiveWeek? RosterWeek(Access access) =>
        weeks.Active ?? (access != Access.Liaison ? weeks.Latest : null);
}
