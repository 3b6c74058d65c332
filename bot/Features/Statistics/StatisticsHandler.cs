using VocEdWeek.Bot.Features.Forms;
using VocEdWeek.Bot.Weeks;
using VocEdWeek.Bot.Words;

namespace VocEdWeek.Bot.Features.Statistics;

/// <summary>"统计" / "stats": the statistics table (附件2) and its submit button.</summary>
public sealed class StatisticsHandler(FormAccess access, FormFlow flow, StatisticsForm form)
    : FormHandler(access, flow, form, SubmitVerb, FormWords.Statistics)
{
    public const string SubmitVerb = "stats.submit";

    protected override Task<WeekItem?> ItemAsync(FormSession s, CommandText text, CancellationToken ct) =>
        Task.FromResult<WeekItem?>(new WeekItem(ItemKind.Statistics));
}
