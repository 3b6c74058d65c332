using VocEdWeek.Bot.Handlers;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Features.Forms;
using VocEdWeek.Bot.Weeks;
using VocEdWeek.Bot.Words;

namespace VocEdWeek.Bot.Features.Plan;

/// <summary>"计划" / "plan": the plan form; its submit, add-activity and remove-activity buttons.</summary>
public sealed class PlanHandler(FormAccess access, FormFlow flow, PlanForm form) : ICommandHandler, ICardActionHandler
{
    public const string SubmitVerb = "plan.submit";
    public const string AddVerb = "plan.addActivity";
    public const string RemoveVerb = "plan.removeActivity";

    public IEnumerable<string> Verbs => [SubmitVerb, AddVerb, RemoveVerb];

    public Access Access => Access.Liaison;

    public bool Matches(CommandText text, TurnContext turn) => FormWords.Matches(text, FormWords.Plan);

    public async Task HandleAsync(TurnContext turn, CommandText text, CancellationToken ct)
    {
        if (await access.StartAsync(turn, ct) is { } s) await flow.OpenAsync(s, form, new WeekItem(ItemKind.Plan), ct);
    }

    public async Task HandleAsync(TurnContext turn, CancellationToken ct)
    {
        if (await access.StartAsync(turn, ct) is not { } s) return;
        switch (turn.Verb)
        {
            case SubmitVerb:
                await flow.SubmitAsync(s, form, ct);
                break;
            case AddVerb:
                await flow.RerenderAsync(s, form, PlanRows.Add, ct);
                break;
            case RemoveVerb:
                var id = s.Input.Trimmed("remove");
                await flow.RerenderAsync(s, form, v => PlanRows.Remove(v, id), ct);
                break;
        }
    }
}
