using System.Text.Json.Nodes;
using VocEdWeek.Bot.Handlers;
using VocEdWeek.Bot.Cards;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Features.Office;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Weeks;
using VocEdWeek.Bot.Words;

namespace VocEdWeek.Bot.Features.Dashboard;

/// <summary>
/// "看板" / "dashboard" from office staff: a small card with a signed, expiring link to the live dashboard page of the
/// active week (or a past one named by year or id). Office staff only: the access gate points liaisons to "我的提交"
/// and anyone else to the office.
/// Listed in Routes before the office questions, which would read "dashboard" as "progress".
/// </summary>
public sealed class DashboardHandler(WeekCatalog weeks, AccessGate gate, DashboardLinks links, CardTemplates cards) : ICommandHandler
{
    public Access Access => Access.Office;

    public bool Matches(CommandText text, TurnContext turn) => DashboardCommand.Parse(text, weeks) is not null;

    public async Task HandleAsync(TurnContext turn, CommandText text, CancellationToken ct)
    {
        var t = Strings.For(turn.Culture);
        var active = weeks.Active;
        if (active is null)
        {
            await OfficeAnswers.OutsiderAsync(turn, null, t, ct);
            return;
        }
        // The access gate let only the office through; the member's name goes on the link.
        if (gate.Admitted(turn) is not { } member) return;
        var week = active;
        if (DashboardCommand.Parse(text, weeks)?.WeekWords is { } words)
        {
            if (DashboardCommand.Find(words, weeks) is not { } named)
            {
                var known = string.Join(t["list_separator"], weeks.All.OrderByDescending(w => w.Definition.Start).Select(w => $"{w.Definition.Title}（{w.Definition.Id}）"));
                await Reply.TextAsync(turn, t.Format("dashboard_week_unknown", words, known), ct);
                return;
            }
            week = named;
        }
        var issued = links.Create(week.Definition.Id, member.Person.Name, t.Culture.Name, LinkHolder.KeyOf(member));
        await Reply.CardAsync(turn, Card(week, issued, t), t.Format("dashboard_card_summary", WeekTime.DateTime(issued.ExpiresAt, week.Calendar, t)), ct);
    }

    public JsonObject Card(ActiveWeek week, DashboardLinks.Issued issued, Strings t) => cards.Render("dashboard-link", Fields(week, issued, t), t);

    /// <summary>The template data with the texts in it (the card samples expand it with the reference engine).</summary>
    public static JsonObject Data(ActiveWeek week, DashboardLinks.Issued issued, Strings t) => CardTemplates.WithTexts(Fields(week, issued, t), t);

    // The texts go to the renderer apart: it keeps them converted once per language.
    private static JsonObject Fields(ActiveWeek week, DashboardLinks.Issued issued, Strings t) => new()
    {
        ["week"] = $"{week.Definition.Title} · {WeekTime.Range(week.Calendar, t)}",
        ["expires"] = t.Format("dashboard_card_expires", WeekTime.DateTime(issued.ExpiresAt, week.Calendar, t), OfficeFormat.Zone(week.Calendar, t)),
        ["url"] = issued.Url,
    };
}
