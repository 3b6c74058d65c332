using VocEdWeek.Bot.Handlers;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Identity;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.Forms;

/// <summary>
/// Forms are for department liaisons of the active week: the session of a liaison. The router's access gate already
/// refused anyone else; a form reached another way (an office question passing a liaison on to "我的提交") is checked
/// again here, with the gate's own words, so nobody sees another department's data.
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
            await Reply.TextAsync(turn, t["access_no_week"], ct);
            return null;
        }
        var member = await identity.ResolveAsync(turn, ct);
        if (AccessGate.Refusal(Access.Liaison, week, member, t) is { } refusal)
        {
            await Reply.TextAsync(turn, refusal, ct);
            return null;
        }
        return new FormSession(turn, week, member!, t, time.GetUtcNow());
    }

    /// <summary>"教务处（吴苏玲）": the office and its staff, as named in the week file.</summary>
    public static string OfficeContact(WeekDefinition week, Strings t) => OfficeContacts.Of(week, t);
}
