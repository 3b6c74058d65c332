using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Features.Forms;
using VocEdWeek.Bot.Weeks;
using VocEdWeek.Bot.Words;

namespace VocEdWeek.Bot.Features.DailyReport;

/// <summary>"日报" / "report", optionally with a day ("日报 5月14日", "report yesterday", "周二的日报"); and its submit button.</summary>
public sealed class DailyReportHandler(FormAccess access, FormFlow flow, DailyReportForm form)
    : FormHandler(access, flow, form, SubmitVerb, FormWords.Report)
{
    public const string SubmitVerb = "report.submit";
    private static readonly DateOnly AnyDay = new(2000, 1, 1);

    public override bool Matches(CommandText text, TurnContext turn) =>
        FormWords.Matches(text, FormWords.Report)
        || DatePhrase.Find(text.Original, AnyDay) is { } m && FormWords.Matches(CommandText.From(m.Rest), FormWords.Report);

    /// <summary>Today's report, or the day the words name; a day that cannot be read is said, not guessed.</summary>
    protected override async Task<WeekItem?> ItemAsync(FormSession s, CommandText text, CancellationToken ct)
    {
        var day = s.Today;
        if (!FormWords.Matches(text, FormWords.Report) && DatePhrase.Find(text.Original, s.Today, s.Calendar.Days) is { } m)
        {
            if (m.Date is not { } date)
            {
                await Reply.TextAsync(s.Turn, s.T.Format("report_bad_date", m.Phrase), ct);
                return null;
            }
            day = date;
        }
        return new WeekItem(ItemKind.DailyReport, day);
    }
}
