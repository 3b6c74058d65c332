using VocEdWeek.Bot.Handlers;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Weeks;
using VocEdWeek.Bot.Words;

namespace VocEdWeek.Bot.Features.Office;

/// <summary>
/// 免报 for office staff: "免报 机电工程学院 5月14日 外出参赛" excuses a department from one item (not counted missing, not
/// reminded); "取消免报 机电工程学院 5月14日" lifts it. Confirms in words what was set and how to undo it.
/// </summary>
public sealed class ExemptionHandler(WeekCatalog weeks, AccessGate gate, ISubmissionStore store, TimeProvider time) : ICommandHandler
{
    public Access Access => Access.Staff;

    public bool Matches(CommandText text, TurnContext turn) => ExemptionRequest.IsCommand(text.Original);

    public async Task HandleAsync(TurnContext turn, CommandText text, CancellationToken ct)
    {
        var t = Strings.For(turn.Culture);
        if (weeks.Active is not { } week)
        {
            await Reply.TextAsync(turn, t["office_no_week"], ct);
            return;
        }
        // The access gate let only staff through; the member is who set the exemption.
        if (gate.Admitted(turn) is not { } member) return;
        await Reply.TextAsync(turn, Apply(week, member, text.Original, t), ct);
    }

    private string Apply(ActiveWeek week, Member staff, string typed, Strings t)
    {
        var calendar = week.Calendar;
        var now = time.GetUtcNow();
        var request = ExemptionRequest.Parse(typed, calendar.LocalDate(now), calendar.Days);
        if (request is null) return t["office_exempt_usage"];
        if (request.BadDate is { } bad) return t.Format("office_bad_date", bad);
        if (request.Item is not { } item || request.Rest.Length == 0) return t["office_exempt_usage"];
        if (item is { Kind: ItemKind.DailyReport, Day: { } day } && !calendar.IsWeekDay(day))
            return t.Format("office_day_outside", WeekTime.Day(day, t), WeekTime.Range(calendar, t));

        var match = DepartmentMatch.Find(request.Rest, week.Definition.Departments);
        switch (match.Candidates.Count)
        {
            case 0:
                var examples = string.Join(t["list_separator"], week.Definition.Departments.Take(3).Select(d => $"{d.Name}（{d.Id}）"));
                return t.Format("office_exempt_no_department", match.Named, examples);
            case > 1:
                return t.Format("office_exempt_ambiguous", match.Named, string.Join(t["list_separator"], match.Candidates.Select(d => d.Name)));
        }
        var department = match.Candidates[0];
        var weekId = week.Definition.Id;
        var title = ItemNames.Title(item, t);
        if (request.Remove)
        {
            return store.RemoveExemption(weekId, department.Id, item.Key)
                ? t.Format("office_exempt_removed", department.Name, title)
                : t.Format("office_exempt_not_found", department.Name, title);
        }

        var reason = request.Reason ?? ExemptionRequest.OriginalCase(typed.Normalize(System.Text.NormalizationForm.FormKC), match.Remainder);
        store.Exempt(new Exemption
        {
            WeekId = weekId,
            DepartmentId = department.Id,
            ItemKey = item.Key,
            SetBy = staff.Person.AadObjectId ?? staff.Person.Email ?? staff.Person.Name,
            SetAt = now.UtcDateTime,
            Reason = reason,
        });
        var done = t.Format("office_exempt_done", department.Name, title,
            reason is null ? "" : t.Format("office_exempt_reason", reason), department.Name, ItemNames.ExemptionWord(item, t));
        if (store.Current(weekId, department.Id, item.Key) is { } submitted)
            done += t.Format("office_exempt_was_submitted", WeekTime.DateTime(WeekTime.Instant(submitted.SubmittedAt), calendar, t));
        return done;
    }
}
