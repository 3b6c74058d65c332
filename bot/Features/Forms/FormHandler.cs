using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Handlers;
using VocEdWeek.Bot.Weeks;
using VocEdWeek.Bot.Words;

namespace VocEdWeek.Bot.Features.Forms;

/// <summary>
/// What the four forms' handlers share: liaisons only; the form's words open it for the item they name; its submit button
/// stores it. Each form adds only what is its own — the plan's activity rows, the daily report's day.
/// </summary>
public abstract class FormHandler(FormAccess access, FormFlow flow, IForm form, string submitVerb, string[] words)
    : ICommandHandler, ICardActionHandler
{
    public virtual IEnumerable<string> Verbs => [submitVerb];

    public Access Access => Access.Liaison;

    public virtual bool Matches(CommandText text, TurnContext turn) => FormWords.Matches(text, words);

    public async Task HandleAsync(TurnContext turn, CommandText text, CancellationToken ct)
    {
        if (await access.StartAsync(turn, ct) is not { } s) return;
        if (await ItemAsync(s, text, ct) is { } item) await flow.OpenAsync(s, form, item, ct);
    }

    public async Task HandleAsync(TurnContext turn, CancellationToken ct)
    {
        if (await access.StartAsync(turn, ct) is not { } s) return;
        if (turn.Verb == submitVerb) await flow.SubmitAsync(s, form, ct);
        else await OtherButtonAsync(s, turn.Verb, ct);
    }

    /// <summary>The item the words open; null when the handler already answered (e.g. a day it could not read).</summary>
    protected abstract Task<WeekItem?> ItemAsync(FormSession s, CommandText text, CancellationToken ct);

    /// <summary>A button of the form other than submit (the plan's add and remove row).</summary>
    protected virtual Task OtherButtonAsync(FormSession s, string? verb, CancellationToken ct) => Task.CompletedTask;

    protected FormFlow Flow => flow;

    protected IForm Form => form;
}
