using VocEdWeek.Bot.Handlers;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Features.Forms;
using VocEdWeek.Bot.Weeks;
using VocEdWeek.Bot.Words;

namespace VocEdWeek.Bot.Features.DailyReport;

/// <summary>"日报" / "report", optionally with a day ("日报 5月14日", "report yesterday", "周二的日报"); and its submit button.</summary>
public sealed class DailyReportHandler(FormAccess access, FormFlow flow, DailyReportForm form) : ICommandHandler, ICardActionHandler
{
    public const string SubmitVerb = "report.submit";
    private static readonly DateOnly AnyDay = new(2000, 1, 1);

    public IEnumerable<string> Verbs => [SubmitVerb];

    public Access Access => Access.Liaison;

    public bool Matches(CommandText text, TurnContext turn) =>
        FormWords.Matches(text, FormWords.Report)
        || DatePhrase.Find(text.Original, AnyDay) is { } m && FormWords.Matches(CommandText.From(m.Rest), FormWords.Report);

    public async Task HandleAsync(TurnContext turn, CommandText text, CancellationToken ct)
    {
        if (await access.StartAsync(turn, ct) is not { } s) return;
        var day = s.Today;
        if (!FormWords.Matches(text, FormWords.Report) && DatePhrase.Find(text.Original, s.Today, s.Calendar.Days) is { } m)
        {
            if (m.Date is not { } date)
            {
                await Reply.TextAsync(turn, s.T.Format("report_bad_date", m.Phrase), ct);
                return;
            }
            day = date;
        }
        await flow.OpenAsync(s, form, new WeekItem(ItemKind.DailyReport, day), ct);
    }

    public async Task HandleAsync(TurnContext turn, CancellationToken ct)
    {
        if (await access.StartAsync(turn, ct) is { } s) await flow.SubmitAsync(s, form, ct);
    }
}
