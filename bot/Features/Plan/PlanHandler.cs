using VocEdWeek.Bot.Features.Forms;
using VocEdWeek.Bot.Weeks;
using VocEdWeek.Bot.Words;

namespace VocEdWeek.Bot.Features.Plan;

/// <summary>"计划" / "plan": the plan form; its submit, add-activity and remove-activity buttons.</summary>
public sealed class PlanHandler(FormAccess access, FormFlow flow, PlanForm form)
    : FormHandler(access, flow, form, SubmitVerb, FormWords.Plan)
{
    public const string SubmitVerb = "plan.submit";
    public const string AddVerb = "plan.addActivity";
    public const string RemoveVerb = "plan.removeActivity";

    public override IEnumerable<string> Verbs => [SubmitVerb, AddVerb, RemoveVerb];

    protected override Task<WeekItem?> ItemAsync(FormSession s, CommandText text, CancellationToken ct) =>
        Task.FromResult<WeekItem?>(new WeekItem(ItemKind.Plan));

    protected override Task OtherButtonAsync(FormSession s, string? verb, CancellationToken ct) => verb switch
    {
        AddVerb => Flow.RerenderAsync(s, Form, PlanRows.Add, ct),
        RemoveVerb => Flow.RerenderAsync(s, Form, v => PlanRows.Remove(v, s.Input.Trimmed("remove")), ct),
        _ => Task.CompletedTask,
    };
}
