using VocEdWeek.Bot.Handlers;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Weeks;
using VocEdWeek.Bot.Words;

namespace VocEdWeek.Bot.Features.Reminders;

/// <summary>"催报记录" / "reminder log" (and the card button <c>reminder.log</c>): the last reminders, for office staff.</summary>
public sealed class ReminderLogHandler(WeekCatalog weeks, ReminderLogCard card, ReminderOptions options, TimeProvider time)
    : ICommandHandler, ICardActionHandler
{
    public const string Verb = "reminder.log";
    private const int MaxEntries = 100;

    public IEnumerable<string> Verbs => [Verb];

    public Access Access => Access.Staff;

    public bool Matches(CommandText text, TurnContext turn) =>
        text.IsOneOf("催报记录", "催办记录", "提醒记录", "催报日志", "提醒日志", "查看催报记录", "reminder log", "reminders log", "reminder history", "reminders sent", "show reminder log");

    public Task HandleAsync(TurnContext turn, CommandText text, CancellationToken ct) => HandleAsync(turn, ct);

    public async Task HandleAsync(TurnContext turn, CancellationToken ct)
    {
        var t = Strings.For(turn.Culture);
        if (weeks.Active is not { } week)
        {
            await Reply.TextAsync(turn, t["office_no_week"], ct);
            return;
        }
        var rendered = card.Render(week, Math.Clamp(options.LogEntries, 1, MaxEntries), time.GetUtcNow(), t);
        if (turn.Kind == TurnKind.CardAction) turn.InvokeResult = InvokeResult.Card(rendered);
        else await turn.ReplyAsync(OutgoingMessage.FromCard(rendered, t["remind_log_title"]), ct);
    }

}
