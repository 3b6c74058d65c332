using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Features.Forms;
using VocEdWeek.Bot.Identity;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.App;

/// <summary>
/// The one place roles are checked: the router asks here before any command or card verb runs, and whoever may not
/// gets one refusal per (required access, role) in their language — never the handler's answer, never any data.
/// </summary>
public sealed class AccessGate(WeekCatalog weeks, IdentityResolver identity)
{
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
        var refusal = week is null
            ? t[access == Access.Liaison ? "access_no_week" : "access_staff_no_week"]
            : Refusal(access, week, await identity.ResolveAsync(turn, week, ct), t);
        if (refusal is null) return true;
        await FormReply.TextAsync(turn, refusal, ct);
        return false;
    }

    /// <summary>Null when <paramref name="member"/> has <paramref name="access"/> in <paramref name="week"/>, else the refusal.</summary>
    public static string? Refusal(Access access, ActiveWeek week, Member? member, Strings t)
    {
        var office = week.Definition.Office.Name;
        return (access, member) switch
        {
            (Access.Anyone, _) or (Access.Staff, { Role: Role.Staff }) or (Access.Liaison, { Role: Role.Liaison, Department: not null }) => null,
            (Access.Staff, { Role: Role.Liaison }) => t.Format("access_staff_liaison", office),
            (Access.Staff, _) => t.Format("access_staff_stranger", office, FormAccess.OfficeContact(week.Definition, t)),
            (Access.Liaison, { Role: Role.Staff }) => t.Format("access_liaison_staff", office),
            _ => t.Format("access_liaison_stranger", week.Definition.Title, FormAccess.OfficeContact(week.Definition, t)),
        };
    }

    /// <summary>
    /// The roster a role is read from: the active week's. Between weeks (archives only) the office of the latest week is
    /// still the office — it exports past weeks — but nobody is a liaison.
    /// </summary>
    public ActiveWeek? RosterWeek(Access access) =>
        weeks.Active ?? (access == Access.Staff ? weeks.All.OrderByDescending(w => w.Definition.Start).FirstOrDefault() : null);
}
