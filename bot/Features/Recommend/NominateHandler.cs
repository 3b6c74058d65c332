using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Features.Forms;
using VocEdWeek.Bot.Handlers;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Recommendations;
using VocEdWeek.Bot.Weeks;
using VocEdWeek.Bot.Words;

namespace VocEdWeek.Bot.Features.Recommend;

/// <summary>
/// "自荐" / "nominate" (liaisons): their own department's candidates, the same card as the office's. The server decides
/// what may be nominated, whatever the card sent: only the liaison's own department's items, at most
/// <see cref="NominationLimit.Max"/> at a time; a submit that breaks either stores nothing and says why.
/// </summary>
public sealed class NominateHandler(WeekCatalog weeks, AccessGate gate, RecommendViews views, PickApplier applier, IPickStore picks, TimeProvider time)
    : ICommandHandler, ICardActionHandler
{
    public const string ShowVerb = "nominate.show";
    public const string SubmitVerb = "nominate.submit";

    // Check and store as one step for the liaisons of this instance, so two at once cannot pass the limit together.
    private readonly Lock _gate = new();

    public IEnumerable<string> Verbs => [ShowVerb, SubmitVerb];

    public Access Access => Access.Liaison;

    public bool Matches(CommandText text, TurnContext turn) => RecommendWords.NominateRest(text) is not null;

    public async Task HandleAsync(TurnContext turn, CommandText text, CancellationToken ct)
    {
        var t = Strings.For(turn.Culture);
        if (weeks.Active is not { } week || gate.Admitted(turn) is not { Department: { } own })
        {
            await Reply.TextAsync(turn, t["recommend_no_week"], ct);
            return;
        }
        var today = week.Calendar.LocalDate(time.GetUtcNow());
        var (filter, problem) = RecommendArgs.Parse(RecommendWords.NominateRest(text) ?? "", week, today, withDepartment: false, t);
        if (filter is null)
        {
            await Reply.TextAsync(turn, problem!, ct);
            return;
        }
        await Reply.CardAsync(turn, views.Render(week, PickSource.Liaison, filter with { DepartmentId = own.Id }, t), t["nominate_title"], ct);
    }

    public async Task HandleAsync(TurnContext turn, CancellationToken ct)
    {
        var t = Strings.For(turn.Culture);
        var input = new FormInput(turn.Value);
        if (weeks.Active is not { } week || input.Text("weekId") != week.Definition.Id || gate.Admitted(turn) is not { Department: { } own } member)
        {
            await Reply.TextAsync(turn, t["recommend_other_week"], ct);
            return;
        }
        var filter = RecommendFilter.FromCard(input, week) with { DepartmentId = own.Id };
        if (turn.Verb != SubmitVerb)
        {
            await Reply.CardAsync(turn, views.Render(week, PickSource.Liaison, filter, t), t["nominate_title"], ct);
            return;
        }
        var (notice, problem) = Submit(week, member, own, PickChoice.Read(input), t);
        await Reply.CardAsync(turn, views.Render(week, PickSource.Liaison, filter, t, notice, problem), notice, ct);
    }

    private (string Notice, bool Problem) Submit(ActiveWeek week, Member member, Department own, PickChoice choice, Strings t)
    {
        // Another department's item, whatever way it got into the card's data, refuses the whole submit.
        if (choice.Items.Any(i => !i.ItemId.StartsWith(own.Id + "|", StringComparison.Ordinal)))
            return (t.Format("nominate_not_own", own.Name), true);
        var candidates = views.Candidates(week, own.Id);
        lock (_gate)
        {
            var nominated = picks.Active(week.Definition.Id).Where(p => p.Source == PickSource.Liaison && p.DepartmentId == own.Id)
                .Select(p => p.ItemId).ToHashSet(StringComparer.Ordinal);
            var after = new HashSet<string>(nominated, StringComparer.Ordinal);
            foreach (var (itemId, on) in choice.Items)
            {
                if (!on) after.Remove(itemId);
                else if (candidates.ContainsKey(itemId)) after.Add(itemId);
            }
            if (after.Count > NominationLimit.Max && after.Count > nominated.Count)
                return (t.Format("nominate_too_many", NominationLimit.Max, after.Count), true);
            var outcome = applier.Apply(week, PickSource.Liaison, member, choice, candidates);
            return (RecommendViews.Receipt("nominate_receipt", outcome, t, after.Count, NominationLimit.Max), false);
        }
    }
}
