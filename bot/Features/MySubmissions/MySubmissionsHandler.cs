using VocEdWeek.Bot.Handlers;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Features.Forms;
using VocEdWeek.Bot.Words;

namespace VocEdWeek.Bot.Features.MySubmissions;

/// <summary>"我的提交" / "my submissions": what the liaison's department has sent, and its status.</summary>
public sealed class MySubmissionsHandler(FormAccess access, MySubmissionsCard card) : ICommandHandler, ICardActionHandler
{
    public const string ShowVerb = "mine.show";

    public IEnumerable<string> Verbs => [ShowVerb];

    public Access Access => Access.Liaison;

    public bool Matches(CommandText text, TurnContext turn) => FormWords.Matches(text, FormWords.Mine);

    public Task HandleAsync(TurnContext turn, CommandText text, CancellationToken ct) => HandleAsync(turn, ct);

    public async Task HandleAsync(TurnContext turn, CancellationToken ct)
    {
        if (await access.StartAsync(turn, ct) is { } s)
            await Reply.CardAsync(turn, card.Render(s), s.T["mine_title"], ct);
    }
}
