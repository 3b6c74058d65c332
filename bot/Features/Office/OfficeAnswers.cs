using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Features.Forms;
using VocEdWeek.Bot.Features.MySubmissions;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Progress;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.Office;

/// <summary>
/// Answers an understood office question by who asks: staff get the missing card or the full progress card (one progress
/// snapshot per answer); a liaison gets their own department's standing only; anyone else is told whom to ask.
/// </summary>
public sealed class OfficeAnswers(ProgressService progress, MissingCard missingCard, ProgressCard progressCard, MySubmissionsHandler mine, TimeProvider time)
{
    public async Task StaffAsync(TurnContext turn, ActiveWeek week, OfficeQuestion question, Strings t, CancellationToken ct)
    {
        if (await RefuseAsync(turn, week, question, t, ct) is not { } asked) return;
        var snapshot = progress.ForWeek(week);
        var today = week.Calendar.LocalDate(snapshot.Now);
        if (asked.Item is { } item)
        {
            await ItemCardAsync(turn, snapshot, item, t, ct);
            return;
        }
        await Reply.CardAsync(turn, progressCard.Render(snapshot, t, DefaultItem(week.Calendar, today)), ProgressCard.Summary(snapshot, t), ct);
    }

    /// <summary>The missing card of one item, with @mentions when answering in a channel or group chat.</summary>
    public Task ItemCardAsync(TurnContext turn, WeekProgress snapshot, WeekItem item, Strings t, CancellationToken ct)
    {
        var mention = turn.Conversation.Scope != ConversationScope.Personal;
        return Reply.CardAsync(turn, missingCard.Render(snapshot, item, t, mention), MissingCard.Summary(snapshot, item, t), ct);
    }

    public async Task LiaisonAsync(TurnContext turn, ActiveWeek week, Member member, OfficeQuestion question, Strings t, CancellationToken ct)
    {
        if (await RefuseAsync(turn, week, question, t, ct) is not { } asked) return;
        if (asked.Item is not { } item)
        {
            // The whole week, for their own department: that is "my submissions".
            await mine.HandleAsync(turn, ct);
            return;
        }
        var snapshot = progress.ForWeek(week);
        var standing = snapshot.Department(member.Department!, item);
        var calendar = week.Calendar;
        var deadline = WeekTime.DateTime(calendar.DeadlineOf(item), calendar, t);
        var detail = standing.Status switch
        {
            ItemStatus.Exempt => t["office_liaison_exempt"],
            ItemStatus.Missing when standing.Overdue => t.Format("office_liaison_overdue", deadline,
                FormItems.StatusLabel(StatusCalculator.Of(calendar, item, snapshot.Now, false), t), ItemNames.Command(item, t)),
            ItemStatus.Missing => t.Format("office_liaison_open", deadline, OfficeFormat.Duration(calendar.DeadlineOf(item) - snapshot.Now, t), ItemNames.Command(item, t)),
            _ => t.Format("office_liaison_submitted", FormItems.StatusLabel(standing.Status, t), WeekTime.DateTime(standing.FirstSubmittedAt!.Value, calendar, t)),
        };
        await Reply.TextAsync(turn, t.Format("office_liaison_status", member.Department!.Name, ItemNames.Title(item, t), detail), ct);
    }

    /// <summary>Someone who is neither staff nor liaison: the progress is the office's; name the office and its staff.</summary>
    public static Task OutsiderAsync(TurnContext turn, ActiveWeek? week, Strings t, CancellationToken ct) =>
        Reply.TextAsync(turn, week is null
            ? t["office_no_week"]
            : t.Format("office_only", week.Definition.Office.Name, FormAccess.OfficeContact(week.Definition, t)), ct);

    /// <summary>The item asked about; null for the whole week. Without item or day: today's report during the week, the plan before it.</summary>
    public static WeekItem? ItemOf(OfficeQuestion question, WeekCalendar calendar, DateOnly today)
    {
        if (question.IsWholeWeek) return null;
        if (question.ItemNamed || question.DayNamed) return question.WeekItem;
        if (today < calendar.Week.Start) return new WeekItem(ItemKind.Plan);
        return today > calendar.Week.End ? null : new WeekItem(ItemKind.DailyReport, today);
    }

    /// <summary>What "who is missing" means today: today's report, the plan before the week, the statistics after it.</summary>
    public static WeekItem DefaultItem(WeekCalendar calendar, DateOnly today) =>
        today < calendar.Week.Start ? new WeekItem(ItemKind.Plan)
        : today > calendar.Week.End ? new WeekItem(ItemKind.Statistics)
        : new WeekItem(ItemKind.DailyReport, today);

    private sealed record Asked(WeekItem? Item);

    /// <summary>A date that is no date, or a day outside the week, is answered in words; otherwise what was asked.</summary>
    private async Task<Asked?> RefuseAsync(TurnContext turn, ActiveWeek week, OfficeQuestion question, Strings t, CancellationToken ct)
    {
        if (question.BadDate is { } bad)
        {
            await Reply.TextAsync(turn, t.Format("office_bad_date", bad), ct);
            return null;
        }
        var calendar = week.Calendar;
        var item = ItemOf(question, calendar, calendar.LocalDate(time.GetUtcNow()));
        if (item is { Kind: ItemKind.DailyReport, Day: { } day } && !calendar.IsWeekDay(day))
        {
            await Reply.TextAsync(turn, t.Format("office_day_outside", WeekTime.Day(day, t), WeekTime.Range(calendar, t)), ct);
            return null;
        }
        return new Asked(item);
    }
}
