namespace VocEdWeek.Bot.Features.WeekSetup.Notice;

/// <summary>
/// Reads a 职业教育活动周 notice (Chinese, simplified or traditional, pasted from the web or extracted from a file)
/// into a <see cref="WeekDraft"/>: what it cannot find stays null and is named in <see cref="WeekDraft.Missing"/>.
/// Pure: no clock, no I/O.
/// </summary>
public static class NoticeParser
{
    private const string WeekName = "职业教育活动周";

    public static WeekDraft Parse(string text, NoticeParseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var doc = NoticeDocument.Parse(text ?? "");
        var title = NoticeNames.OwnTitle(doc);
        var hint = YearHint.Find(doc, title?.Year, options.Today);
        var period = NoticePeriod.Find(doc, hint);
        var deadlines = NoticeDeadlines.Find(doc, period?.Start, hint, options.WorkdayEnd);
        var deadlineSentences = doc.Sentences.Where(s => DeadlinePhrase.FindAll(s, options.WorkdayEnd).Count > 0);
        // The title is the notice's own, else "YYYY年职业教育活动周" for the year the week falls in.
        var year = title?.Year ?? period?.Start.Year;
        var draft = new WeekDraft
        {
            Title = year is { } y ? $"{y}年{title?.Place}{WeekName}" : null,
            Theme = NoticeNames.Theme(doc),
            School = NoticeOffice.School(doc),
            Office = NoticeOffice.Office(doc, deadlineSentences),
            Start = period?.Start,
            End = period?.End,
            PlanDeadline = deadlines.Plan,
            DailyReportTime = deadlines.Daily,
            StatisticsDeadline = deadlines.Statistics,
            SummaryDeadline = deadlines.Summary,
        };
        return draft with { Missing = MissingFields(draft) };
    }

    private static List<string> MissingFields(WeekDraft d)
    {
        var missing = new List<string>();
        void Check(object? value, string field)
        {
            if (value is null) missing.Add(field);
        }
        Check(d.Title, WeekDraftFields.Title);
        Check(d.Theme, WeekDraftFields.Theme);
        Check(d.School, WeekDraftFields.School);
        Check(d.Office, WeekDraftFields.Office);
        Check(d.Start, WeekDraftFields.Start);
        Check(d.End, WeekDraftFields.End);
        Check(d.PlanDeadline, WeekDraftFields.PlanDeadline);
        Check(d.DailyReportTime, WeekDraftFields.DailyReportTime);
        Check(d.StatisticsDeadline, WeekDraftFields.StatisticsDeadline);
        Check(d.SummaryDeadline, WeekDraftFields.SummaryDeadline);
        return missing;
    }
}
