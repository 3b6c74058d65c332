using System.Text.Json;
using VocEdWeek.Bot.Handlers;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Identity;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Weeks;
using VocEdWeek.Bot.Weeks.Settings;

namespace VocEdWeek.Bot.Features.Settings;

/// <summary>
/// 确认 / 取消 on a confirm card. The card carries only the pending change's id; the gate has checked the presser is an
/// admin now (not only when they asked), and only the admin who asked may answer it: the confirm is their second look at
/// what they typed, so in a shared chat another admin cannot apply it unread (they can make the same change themselves,
/// which logs them as its author). A change is applied exactly once; a second press says what it already came to.
/// </summary>
public sealed class SettingsConfirmHandler(
    WeekCatalog weeks,
    IdentityResolver identity,
    IPendingChangeStore pending,
    WeekEditor editor,
    WeekExemption exemption,
    SettingsCards cards,
    TimeProvider time) : ICardActionHandler
{
    public const string Applied = "applied";
    public const string Cancelled = "cancelled";

    public IEnumerable<string> Verbs => [SettingsCards.ConfirmVerb, SettingsCards.CancelVerb];

    public Access Access => Access.Admin;

    public async Task HandleAsync(TurnContext turn, CancellationToken ct)
    {
        var t = Strings.For(turn.Culture);
        var change = pending.Find(PendingId(turn.Value));
        var week = change is null ? null : weeks.Find(change.WeekId);
        var now = time.GetUtcNow();
        string? refusal = (change, week) switch
        {
            (null, _) or (_, null) => t["settings_pending_gone"],
            _ when change.AskedByTeamsId != turn.User.Id => t.Format("settings_pending_other", change.AskedByName),
            _ when change.DoneAt is not null => Done(change, t),
            _ when WeekTime.Instant(change.ExpiresAt) < now => t["settings_pending_expired"],
            _ => null,
        };
        if (refusal is not null)
        {
            await Reply.TextAsync(turn, refusal, ct);
            return;
        }
        if (!pending.TryClaim(change!, now.UtcDateTime))
        {
            await Reply.TextAsync(turn, Done(pending.Find(change!.Id) ?? change, t), ct);
            return;
        }
        var (preview, _, _) = SettingsPreview.Of(change!.Proposal, week!);
        preview ??= new ChangePreview(change.Proposal.Kind, change.Proposal.Name ?? change.Proposal.DepartmentId ?? "", "", "");
        if (turn.Verb == SettingsCards.CancelVerb)
        {
            pending.Finish(change, Cancelled);
            await Reply.CardAsync(turn, cards.Receipt(week!, preview, t["settings_cancelled_title"], "Default", t["settings_cancelled_note"], t), null, ct);
            return;
        }

        var member = await identity.ResolveAsync(turn, ct);
        var actor = new Actor(member?.Person.Name is { Length: > 0 } n ? n : turn.User.Name ?? "",
            member?.Person.AadObjectId ?? member?.Person.Email ?? turn.User.AadObjectId);
        var outcome = Apply(change, week!, actor);
        pending.Finish(change, outcome.Applied ? Applied : outcome.RefusalKey!);
        var card = outcome.Applied
            ? cards.Receipt(outcome.Week ?? week!, preview, t["settings_applied_title"], "Good", t["settings_applied_note"], t)
            : cards.Receipt(week!, preview, t["settings_refused_title"], "Attention", t.Format(outcome.RefusalKey!, outcome.RefusalArgs), t);
        await Reply.CardAsync(turn, card, null, ct);
    }

    private ChangeOutcome Apply(PendingChange change, ActiveWeek week, Actor actor)
    {
        var proposal = change.Proposal;
        if (proposal.Kind != SettingsProposal.WeekExempt)
        {
            try
            {
                return editor.Apply(change.WeekId, proposal.ToChange()!, actor);
            }
            catch (WeekChangeRefused refused)
            {
                return ChangeOutcome.Refused(refused.Key, refused.Args);
            }
        }
        // The week as it is now: the department may have been removed since the card was shown.
        var current = weeks.Find(change.WeekId) ?? week;
        return exemption.Apply(current, proposal.DepartmentId ?? "", proposal.Reason, actor) is { } entry
            ? new ChangeOutcome(current, entry, null, [])
            : ChangeOutcome.Refused("settings_no_department", proposal.DepartmentId);
    }

    private static string Done(PendingChange change, Strings t) => change.Outcome switch
    {
        Applied => t["settings_pending_applied"],
        Cancelled => t["settings_pending_cancelled"],
        _ => t["settings_pending_done"],
    };

    private static string? PendingId(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.Object } v && v.TryGetProperty("pendingId", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
}
