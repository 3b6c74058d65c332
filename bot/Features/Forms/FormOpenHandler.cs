using VocEdWeek.Bot.Handlers;
using VocEdWeek.Bot.Conversation;

namespace VocEdWeek.Bot.Features.Forms;

/// <summary>"form.open": the Edit button of a receipt and the buttons of "my submissions" bring a form back, pre-filled.</summary>
public sealed class FormOpenHandler(FormAccess access, FormFlow flow, IEnumerable<IForm> forms) : ICardActionHandler
{
    public const string OpenVerb = "form.open";

    public IEnumerable<string> Verbs => [OpenVerb];

    public Access Access => Access.Liaison;

    public async Task HandleAsync(TurnContext turn, CancellationToken ct)
    {
        if (await access.StartAsync(turn, ct) is not { } s) return;
        if (await FormFlow.CardItemAsync(s, null, s.Input, ct) is not { } item) return;
        var form = forms.First(f => f.Kind == item.Kind);
        await flow.OpenAsync(s, form, item, ct);
    }
}
