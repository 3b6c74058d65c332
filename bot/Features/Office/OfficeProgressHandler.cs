using VocEdWeek.Bot.Handlers;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Features.Forms;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Progress;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.Office;

/// <summary>
/// The buttons of the office cards: "全部进度" (progress.full) and "查看未交名单" (progress.item). The answer replaces the card
/// in place, for everyone in a channel — so only office staff may press them (the access gate answers others with a short message).
/// </summary>
public sealed class OfficeProgressHandler(WeekCatalog weeks, ProgressService progress, ProgressCard progressCard, OfficeAnswers answers)
    : ICardActionHandler
{
    public IEnumerable<string> Verbs => [ProgressCard.FullVerb, ProgressCard.ItemVerb];

    public Access Access => Access.Office;

    public async Task HandleAsync(TurnContext turn, CancellationToken ct)
    {
        var t = Strings.For(turn.Culture);
        if (weeks.Active is not { } week)
        {
            await OfficeAnswers.OutsiderAsync(turn, null, t, ct);
            return;
        }
        var input = new FormInput(turn.Value);
        if (input.Text("weekId") != week.Definition.Id)
        {
            await Reply.TextAsync(turn, t.Format("office_other_week", week.Definition.Title), ct);
            return;
        }
        var snapshot = progress.ForWeek(week);
        var today = week.Calendar.LocalDate(snapshot.Now);
        if (turn.Verb == ProgressCard.ItemVerb && WeekItem.Parse(input.Text("itemKey")) is { } item && IsOfWeek(item, week))
        {
            await answers.ItemCardAsync(turn, snapshot, item, t, ct);
            return;
        }
        await Reply.CardAsync(turn, progressCard.Render(snapshot, t, OfficeAnswers.DefaultItem(week.Calendar, today)), ProgressCard.Summary(snapshot, t), ct);
    }

    private static bool IsOfWeek(WeekItem item, ActiveWeek week) =>
        item.Kind != Weeks.ItemKind.DailyReport || week.Calendar.IsWeekDay(item.Day!.Value);
}
