using System.Text.Json;
using VocEdWeek.Bot.Handlers;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Features.Forms;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Weeks;
using VocEdWeek.Bot.Weeks.Settings;
using VocEdWeek.Bot.Weeks.Settings.Changes;

namespace VocEdWeek.Bot.Features.WeekSetup;

/// <summary>
/// "确认导入": the previewed departments replace the week's roster in one change (the week and its log entry in one
/// transaction — a failure leaves the old roster whole), effective at once. Refused when the roster changed after the
/// preview was made: what is confirmed must be what was shown.
/// </summary>
public sealed class RosterApplyHandler(ISetupPendingStore pending, SetupReceipt receipt, WeekEditor editor, SetupActor actors)
    : ICardActionHandler
{
    public const string ApplyVerb = "roster.apply";
    public const string CancelVerb = "roster.cancel";

    public IEnumerable<string> Verbs => [ApplyVerb, CancelVerb];

    public Access Access => Access.Admin;

    public async Task HandleAsync(TurnContext turn, CancellationToken ct)
    {
        var t = Strings.For(turn.Culture);
        if (pending.Find(new FormInput(turn.Value).Text("importId"), SetupPending.RosterKind) is not { WeekId: { } weekId } import)
        {
            await Reply.TextAsync(turn, t["setup_expired"], ct);
            return;
        }
        // Claimed before anything is done: a double click or a second admin's press finds it taken.
        if (!pending.TryClaim(import))
        {
            await Reply.TextAsync(turn, t.Format("setup_already_done", pending.Find(import.Id, SetupPending.RosterKind)?.Outcome ?? ""), ct);
            return;
        }
        if (turn.Verb == CancelVerb)
        {
            pending.Done(import, t["import_cancelled"]);
            await receipt.ShowAsync(turn, t["import_cancelled"], [], good: false, ct);
            return;
        }
        var departments = JsonSerializer.Deserialize<List<Department>>(import.Payload, WeekJson.Options) ?? [];
        // Only over the revision previewed, checked where the week is written (another instance may change it until then).
        var outcome = editor.Apply(weekId, new ReplaceRoster(departments, import.Source), await actors.OfAsync(turn, ct), basedOn: import.Revision);
        if (outcome.RefusalKey == WeekEditor.ChangedMeanwhile)
        {
            pending.Done(import, t["import_changed_meanwhile"]);
            await Reply.TextAsync(turn, t["import_changed_meanwhile"], ct);
            return;
        }
        if (!outcome.Applied)
        {
            pending.Release(import);
            await Reply.TextAsync(turn, t.Format(outcome.RefusalKey!, outcome.RefusalArgs), ct);
            return;
        }
        var title = t.Format("import_applied", departments.Count, departments.Sum(d => d.Liaisons.Count));
        pending.Done(import, title);
        await receipt.ShowAsync(turn, title, [t.Format("import_applied_detail", outcome.Week!.Definition.Title)], good: true, ct);
    }
}
