using VocEdWeek.Bot.Handlers;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Features.Forms;
using VocEdWeek.Bot.Weeks;
using VocEdWeek.Bot.Words;

namespace VocEdWeek.Bot.Features.Statistics;

/// <summary>"统计" / "stats": the statistics table (附件2) and its submit button.</summary>
public sealed class StatisticsHandler(FormAccess access, FormFlow flow, StatisticsForm form) : ICommandHandler, ICardActionHandler
{
    public const string SubmitVerb = "stats.submit";

    public IEnumerable<string> Verbs => [SubmitVerb];

    public Access Access => Access.Liaison;

    public bool Matches(CommandText text, TurnContext turn) => FormWords.Matches(text, FormWords.Statistics);

    public async Task HandleAsync(TurnContext turn, CommandText text, CancellationToken ct)
    {
        if (await access.StartAsync(turn, ct) is { } s) await flow.OpenAsync(s, form, new WeekItem(ItemKind.Statistics), ct);
    }

    public async Task HandleAsync(TurnContext turn, CancellationToken ct)
    {
        if (await access.StartAsync(turn, ct) is { } s) await flow.SubmitAsync(s, form, ct);
    }
}
