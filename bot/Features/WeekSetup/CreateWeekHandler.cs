using System.Globalization;
using System.Text.Json;
using VocEdWeek.Bot.Handlers;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Features.Forms;
using VocEdWeek.Bot.Features.WeekSetup.Notice;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Weeks;
using VocEdWeek.Bot.Weeks.Settings;

namespace VocEdWeek.Bot.Features.WeekSetup;

/// <summary>
/// The draft card's buttons. "创建活动周" takes the fields as the admin left them (a wrong one shows the card again with what
/// was typed and why), makes the week with the previous week's office (and, if ticked, its departments and liaisons),
/// and asks for the liaison list. A draft is created once; a second click says so.
/// </summary>
public sealed class CreateWeekHandler(
    ISetupPendingStore pending, WeekDraftCard card, SetupReceipt receipt, WeekEditor editor, WeekCatalog weeks, SetupActor actors) : ICardActionHandler
{
    public const string CreateVerb = "week.create";
    public const string CancelVerb = "week.cancel";

    public IEnumerable<string> Verbs => [CreateVerb, CancelVerb];

    public Access Access => Access.Admin;

    public async Task HandleAsync(TurnContext turn, CancellationToken ct)
    {
        var t = Strings.For(turn.Culture);
        var input = new FormInput(turn.Value);
        if (pending.Find(input.Text("draftId"), SetupPending.WeekKind) is not { } draft)
        {
            await Reply.TextAsync(turn, t["setup_expired"], ct);
            return;
        }
        // Claimed before anything is done: a double click or a second admin's press finds it taken.
        if (!pending.TryClaim(draft))
        {
            await Reply.TextAsync(turn, t.Format("setup_already_done", pending.Find(draft.Id, SetupPending.WeekKind)?.Outcome ?? ""), ct);
            return;
        }
        if (turn.Verb == CancelVerb)
        {
            pending.Done(draft, t["setup_cancelled"]);
            await receipt.ShowAsync(turn, t["setup_cancelled"], [], good: false, ct);
            return;
        }
        var typed = Typed(input, out var problem);
        var previous = weeks.Latest;
        var keep = input.Text("keepRoster") == "true";
        if (problem is not null || typed.MissingRequired.Count > 0)
        {
            var error = problem is not null ? t[problem] : t.Format("setup_required_missing", string.Join(t["list_separator"], typed.MissingRequired.Select(f => t["setup_field_" + f])));
            pending.Release(draft);
            await Reply.CardAsync(turn, card.Render(draft.Id, typed, draft.Source, previous, error, t, keep), t["setup_draft_title"], ct);
            return;
        }
        var week = typed.ToDefinition(NewId(typed.Start!.Value), previous?.Definition.Office ?? new OfficeInfo());
        if (keep && previous is not null) week = week with { Departments = previous.Definition.Departments };
        var outcome = editor.Create(week, await actors.OfAsync(turn, ct));
        if (!outcome.Applied)
        {
            pending.Release(draft);
            await Reply.CardAsync(turn, card.Render(draft.Id, typed, draft.Source, previous, t.Format(outcome.RefusalKey!, outcome.RefusalArgs), t, keep), t["setup_draft_title"], ct);
            return;
        }
        pending.Done(draft, week.Title);
        var title = t.Format("setup_created", week.Title, week.Start.ToDateTime(TimeOnly.MinValue), week.End.ToDateTime(TimeOnly.MinValue));
        var next = week.Departments.Count > 0 ? t.Format("setup_created_kept", week.Departments.Count) : t["setup_created_next"];
        await receipt.ShowAsync(turn, title, [Deadlines(outcome.Week!, t), next], good: true, ct);
    }

    /// <summary>The draft as the card's fields now say it; <paramref name="problem"/> is a text key when a field is wrong.</summary>
    private static WeekDraft Typed(FormInput input, out string? problem)
    {
        problem = null;
        string? Text(string id) => input.Trimmed(id) is { Length: > 0 } v ? v : null;
        DateOnly? Date(string id) => DateOnly.TryParseExact(input.Trimmed(id), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        TimeOnly? Time(string id) => TimeOnly.TryParseExact(input.Trimmed(id), ["H:mm", "HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var v) ? v : null;
        DateTime? At(string date, string time) => Date(date) is { } d ? d.ToDateTime(Time(time) ?? new TimeOnly(17, 30)) : null;
        var draft = new WeekDraft
        {
            Title = Text("title"),
            Theme = Text("theme"),
            School = Text("school"),
            Office = Text("office"),
            Start = Date("start"),
            End = Date("end"),
            PlanDeadline = At("planDate", "planTime"),
            DailyReportTime = Time("dailyTime"),
            StatisticsDeadline = At("statsDate", "statsTime"),
            SummaryDeadline = At("summaryDate", "summaryTime"),
        };
        var missing = new List<string>();
        if (draft.Title is null) missing.Add(WeekDraftFields.Title);
        if (draft.Start is null) missing.Add(WeekDraftFields.Start);
        if (draft.End is null) missing.Add(WeekDraftFields.End);
        draft = draft with { Missing = missing };
        if (draft is { Start: { } s, End: { } e })
        {
            if (e < s) problem = "setup_end_before_start";
            else if (e.DayNumber - s.DayNumber > 30) problem = "setup_too_long";
        }
        return draft;
    }

    /// <summary>"2025", or "2025-2" when that year already has a week (submissions are keyed by the id: never reused).</summary>
    private string NewId(DateOnly start)
    {
        var id = start.Year.ToString(CultureInfo.InvariantCulture);
        for (var n = 2; weeks.Find(id) is not null; n++) id = $"{start.Year}-{n}";
        return id;
    }

    private static string Deadlines(ActiveWeek week, Strings t)
    {
        var c = week.Calendar;
        string At(DateTimeOffset instant) => t.Format("fmt_datetime", c.ToLocal(instant).DateTime);
        return t.Format("setup_created_deadlines", At(c.PlanDeadline), c.ReportTime.ToString("HH:mm", CultureInfo.InvariantCulture), At(c.StatisticsDeadline), At(c.SummaryDeadline));
    }

    internal static WeekDraft? Read(SetupPending draft) => JsonSerializer.Deserialize<WeekDraft>(draft.Payload, WeekJson.Options);
}
