using VocEdWeek.Bot.Handlers;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Features.Forms;
using VocEdWeek.Bot.Weeks;
using VocEdWeek.Bot.Words;

namespace VocEdWeek.Bot.Features.Summary;

/// <summary>"总结" / "summary": the summary form and its submit button.</summary>
public sealed class SummaryHandler(FormAccess access, FormFlow flow, SummaryForm form) : ICommandHandler, ICardActionHandler
{
    public const string SubmitVerb = "summary.submit";

    public IEnumerable<string> Verbs => [SubmitVerb];

    public Access Access => Access.Liaison;

    public bool Matches(CommandText text, TurnContext turn) => FormWords.Matches(text, FormWords.Summary);

    public async Task HandleAsync(TurnContext turn, CommandText text, CancellationToken ct)
    {
        if (await access.StartAsync(turn, ct) is { } s) await flow.OpenAsync(s, form, new WeekItem(ItemKind.Summary), ct);
    }

    public async Task HandleAsync(TurnContext turn, CancellationToken ct)
    {
        if (await access.StartAsync(turn, ct) is { } s) await flow.SubmitAsync(s, form, ct);
    }
}
