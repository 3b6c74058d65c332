using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Identity;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.Forms;

/// <summary>
/// Forms are for department liaisons of the active week. Anyone else gets a polite answer (who to
/// contact, or which commands are theirs) and never sees any department's data.
/// </summary>
public sealed class FormAccess(WeekCatalog weeks, IdentityResolver identity, TimeProvider time)
{
    /// <summary>The session, or null after telling the user why not.</summary>
    public async Task<FormSession?> StartAsync(TurnContext turn, CancellationToken ct)
    {
        var t = Strings.For(turn.Culture);
        var week = weeks.Active;
        if (week is null)
        {
            await FormReply.TextAsync(turn, t["form_no_week"], ct);
            return null;
        }
        var member = await identity.ResolveAsync(turn, ct);
        switch (member)
        {
            case { Role: Role.Liaison, Department: not null }:
                return new FormSession(turn, week, member, t, time.GetUtcNow());
            case { Role: Role.Staff }:
                await FormReply.TextAsync(turn, t.Format("form_staff_only", week.Definition.Office.Name), ct);
                return null;
            default:
                await FormReply.TextAsync(turn, t.Format("form_stranger", week.Definition.Title, OfficeContact(week.Definition, t)), ct);
                return null;
        }
    }

    /// <summary>"教务处（吴苏玲）": the office and its staff, as named in the week file.</summary>
    public static string OfficeContact(WeekDefinition week, Strings t)
    {
        var names = week.Office.Staff.Select(p => p.Name).Where(n => n.Length > 0).ToList();
        return names.Count == 0 ? week.Office.Name : t.Format("form_office_with_staff", week.Office.Name, string.Join(t["list_separator"], names));
    }
}
