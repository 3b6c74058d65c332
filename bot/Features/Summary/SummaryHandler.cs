using VocEdWeek.Bot.Features.Forms;
using VocEdWeek.Bot.Weeks;
using VocEdWeek.Bot.Words;

namespace VocEdWeek.Bot.Features.Summary;

/// <summary>"总结" / "summary": the summary form and its submit button.</summary>
public sealed class SummaryHandler(FormAccess access, FormFlow flow, SummaryForm form)
    : FormHandler(access, flow, form, SubmitVerb, FormWords.Summary)
{
    public const string SubmitVerb = "summary.submit";

    protected override Task<WeekItem?> ItemAsync(FormSession s, CommandText text, CancellationToken ct) =>
        Task.FromResult<WeekItem?>(new WeekItem(ItemKind.Summary));
}
