using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Features.Forms;
using VocEdWeek.Bot.Handlers;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Recommendations;
using VocEdWeek.Bot.Weeks;
using VocEdWeek.Bot.Words;

namespace VocEdWeek.Bot.Features.Recommend;

/// <summary>
/// "择优推荐" / "recommend" (office staff; "择优推荐 5月14日 机电" filters): the week's candidates with a toggle each.
/// Submitting stores the picks (who, when, reason) and withdraws the items toggled off, then shows the card again with
/// the receipt on top.
/// </summary>
public sealed class RecommendHandler(WeekCatalog weeks, AccessGate gate, RecommendViews views, PickApplier applier, TimeProvider time)
    : ICommandHandler, ICardActionHandler
{
    public const string ShowVerb = "recommend.show";
    public const string SubmitVerb = "recommend.submit";

    public IEnumerable<string> Verbs => [ShowVerb, SubmitVerb];

    public Access Access => Access.Staff;

    public bool Matches(CommandText text, TurnContext turn) => RecommendWords.RecommendRest(text) is not null;

    public async Task HandleAsync(TurnContext turn, CommandText text, CancellationToken ct)
    {
        var t = Strings.For(turn.Culture);
        if (weeks.Active is not { } week)
        {
            await Reply.TextAsync(turn, t["recommend_no_week"], ct);
            return;
        }
        var today = week.Calendar.LocalDate(time.GetUtcNow());
        var (filter, problem) = RecommendArgs.Parse(RecommendWords.RecommendRest(text) ?? "", week, today, withDepartment: true, t);
        if (filter is null)
        {
            await Reply.TextAsync(turn, problem!, ct);
            return;
        }
        await Reply.CardAsync(turn, views.Render(week, PickSource.Office, filter, t), t["recommend_title"], ct);
    }

    public async Task HandleAsync(TurnContext turn, CancellationToken ct)
    {
        var t = Strings.For(turn.Culture);
        var input = new FormInput(turn.Value);
        if (weeks.Active is not { } week || input.Text("weekId") != week.Definition.Id)
        {
            await Reply.TextAsync(turn, t["recommend_other_week"], ct);
            return;
        }
        var filter = RecommendFilter.FromCard(input, week);
        if (turn.Verb != SubmitVerb)
        {
            await Reply.CardAsync(turn, views.Render(week, PickSource.Office, filter, t), t["recommend_title"], ct);
            return;
        }
        // The gate let only staff through; the member is who picked.
        if (gate.Admitted(turn) is not { } member) return;
        var outcome = applier.Apply(week, PickSource.Office, member, PickChoice.Read(input), views.Candidates(week));
        var receipt = RecommendViews.Receipt("recommend_receipt", outcome, t);
        await Reply.CardAsync(turn, views.Render(week, PickSource.Office, filter, t, receipt), receipt, ct);
    }
}
