using System.Text.Json;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Features.DigestChannel;
using VocEdWeek.Bot.Features.Exports;
using VocEdWeek.Bot.Features.Reminders;
using VocEdWeek.Bot.Features.Settings;
using VocEdWeek.Bot.Features.UploadPage;
using VocEdWeek.Bot.Features.WeekSetup;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Identity;
using VocEdWeek.Bot.Outbox;
using VocEdWeek.Bot.Recommendations;
using VocEdWeek.Bot.Scheduling;
using VocEdWeek.Bot.Storage.Migrate;
using VocEdWeek.Bot.Storage.PostgreSql.Conversation;
using VocEdWeek.Bot.Storage.PostgreSql.Files;
using VocEdWeek.Bot.Storage.PostgreSql.Outbox;
using VocEdWeek.Bot.Storage.PostgreSql.Recommendations;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Weeks.Settings;
using VocEdWeek.Bot.Weeks.Store;

namespace VocEdWeek.Bot.Storage.PostgreSql.Migrate;

/// <summary>
/// Every LiteDB collection as the rows its Pg…Store writes (same columns, same spelling of enums and JSON). LiteDB keeps
/// an empty string as null, so texts the tables hold as NOT NULL come over as "" (what the LiteDB stores read them as).
/// </summary>
internal static class PgCopyTables
{
    private static readonly Dictionary<int, string> NoJson = [];

    // As PgPendingChangeStore writes a proposal.
    private static readonly JsonSerializerOptions ProposalJson = new() { IgnoreReadOnlyProperties = true };

    public static IReadOnlyList<CopyTable> All { get; } =
    [
        CopyTable.ById("conversations", PgConversationRows.Columns, s => s.Read<ConversationRecord>("conversations").Select(c =>
        {
            c.ServiceUrl ??= "";
            c.Scope ??= "";
            return PgConversationRows.Values(c);
        })),
        // A setting without a value, or set before previous values were kept, is kept as '' (PgSettingsStore's "not set").
        CopyTable.ById("settings", "id, value, changed_by, changed_by_name, changed_at, previous_value, previous_changed_by, previous_changed_by_name, previous_changed_at",
            s => s.Read<Setting>("settings").Select(x => new object?[]
            {
                x.Id, x.Value ?? "", x.ChangedBy, x.ChangedByName, x.ChangedAt,
                x.Previous?.Value ?? "", x.Previous?.ChangedBy, x.Previous?.ChangedByName, x.Previous?.ChangedAt,
            })),
        CopyTable.ById("users", "id, aad_object_id, email, user_principal_name, checked_at",
            s => s.Read<KnownUser>("users").Select(u => new object?[] { u.Id, u.AadObjectId, u.Email, u.UserPrincipalName, u.CheckedAt })),
        CopyTable.ById("upload_acknowledgements", "id, at, count", UploadAcknowledgements),
        CopyTable.ById("weeks", "id, json, revision, file_hash, changed_in_teams, archived, created_at, updated_at",
            s => s.Read<StoredWeek>("weeks").Select(w => new object?[]
            {
                w.Id, w.Json, w.Revision, w.FileHash, w.ChangedInTeams, w.Archived, w.CreatedAt, w.UpdatedAt,
            }), new Dictionary<int, string> { [1] = "json" }),
        CopyTable.ById("settingslog", "id, week_id, at, actor_name, actor_key, kind, subject, before, after, revision",
            s => s.Read<SettingsLogEntry>("settingslog").Select(e => new object?[]
            {
                e.Id, e.WeekId ?? "", e.At, e.ActorName ?? "", e.ActorKey, e.Kind ?? "", e.Subject ?? "", e.Before ?? "", e.After ?? "", e.Revision,
            })),
        CopyTable.ById("settingspending", "id, week_id, proposal, asked_by_teams_id, asked_by_name, created_at, expires_at, done_at, outcome",
            s => s.Read<PendingChange>("settingspending").Select(p => new object?[]
            {
                p.Id, p.WeekId ?? "", JsonSerializer.Serialize(p.Proposal, ProposalJson), p.AskedByTeamsId ?? "", p.AskedByName ?? "",
                p.CreatedAt, p.ExpiresAt, p.DoneAt, p.Outcome,
            }), new Dictionary<int, string> { [2] = "jsonb" }),
        CopyTable.ById("setuppending", "id, kind, week_id, revision, payload, source, requested_by, created_at, done_at, outcome",
            s => s.Read<SetupPending>("setuppending").Select(p => new object?[]
            {
                p.Id, p.Kind ?? "", p.WeekId, p.Revision, p.Payload ?? "", p.Source ?? "", p.RequestedBy ?? "", p.CreatedAt, p.DoneAt, p.Outcome,
            })),
        CopyTable.ById("exports", "id, kind, week_id, week_title, file_name, size, sha256, created_at, requested_by_name, requested_by_teams_id, "
            + "requested_by_aad_object_id, storage, location, web_url, fell_back_to_local, local_deleted_at",
            s => s.Read<ExportRecord>("exports").Select(r => new object?[]
            {
                r.Id, r.Kind.ToString(), r.WeekId ?? "", r.WeekTitle ?? "", r.FileName ?? "", r.Size, r.Sha256 ?? "", r.CreatedAt,
                r.RequestedByName ?? "", r.RequestedByTeamsId ?? "", r.RequestedByAadObjectId, r.Storage.ToString(), r.Location ?? "",
                r.WebUrl, r.FellBackToLocal, r.LocalDeletedAt,
            })),
        CopyTable.ById("picks", PgPickStore.Columns, s => s.Read<Pick>("picks").Select(p =>
        {
            p.DepartmentId ??= "";
            p.ItemKey ??= "";
            p.ByName ??= "";
            return PgPickStore.Values(p);
        })),
        CopyTable.ById("submissions", "id, week_id, department_id, item_key, version, is_current, submitted_at, submitted_by_name, "
            + "submitted_by_aad_object_id, submitted_by_teams_id, idempotency_key, data",
            s => CurrentDerived(s.Read<Submission>("submissions")).Select(x => new object?[]
            {
                x.Id, x.WeekId ?? "", x.DepartmentId ?? "", x.ItemKey ?? "", x.Version, x.IsCurrent, x.SubmittedAt, x.SubmittedByName ?? "",
                x.SubmittedByAadObjectId, x.SubmittedByTeamsId ?? "", x.IdempotencyKey, string.IsNullOrEmpty(x.Data) ? "{}" : x.Data,
            }), new Dictionary<int, string> { [11] = "jsonb" }),
        // Keyed by the slot, as LiteDB keys them (Exemption.KeyOf).
        new CopyTable("exemptions", "week_id, department_id, item_key, set_by, set_at, reason", NoJson,
            v => Exemption.KeyOf((string)v[0]!, (string)v[1]!, (string)v[2]!),
            s => s.Read<Exemption>("exemptions").Select(e => new object?[]
            {
                e.WeekId ?? "", e.DepartmentId ?? "", e.ItemKey ?? "", e.SetBy ?? "", e.SetAt, e.Reason,
            })),
        // In the order they were stored: seq keeps it for the files of one message, which share their time.
        CopyTable.ById("media", PgMediaRows.Columns, s => s.Read<MediaRecord>("media").Select(PgMediaRows.Values)),
        CopyTable.ById("outbox", "id, topic, priority, recipient, payload, week_id, department_id, item_keys, state, outcome, "
            + "outcome_detail, attempts, next_attempt_at, created_at, updated_at, sent_at, conversation_id, activity_id, claimed_by, claimed_until",
            s => s.Read<OutboxJob>("outbox").Select(j => new object?[]
            {
                j.Id, j.Topic ?? "", j.Priority, OutboxRow.RecipientJson(j.Recipient ?? new()), string.IsNullOrEmpty(j.Payload) ? "{}" : j.Payload,
                j.WeekId, j.DepartmentId, (j.ItemKeys ?? []).ToArray(), j.State.ToString(), j.Outcome.ToString(), j.OutcomeDetail, j.Attempts,
                j.NextAttemptAt, j.CreatedAt, j.UpdatedAt, j.SentAt, j.ConversationId, j.ActivityId, j.ClaimedBy, j.ClaimedUntil,
            }), new Dictionary<int, string> { [3] = "jsonb", [4] = "jsonb" }),
        // By time, ties in the order they were written (stable sort): seq then orders them as LiteDB did.
        CopyTable.ById("reminder_log", "id, at, local_day, week_id, trigger, triggered_by, slot_key, person_key, person_name, "
            + "department_id, department_name, item_keys, job_id, skipped",
            s => s.Read<ReminderLogEntry>("reminder_log").OrderBy(e => e.At).Select(e => new object?[]
            {
                e.Id, e.At, e.LocalDay ?? "", e.WeekId ?? "", e.Trigger ?? "", e.TriggeredBy, e.SlotKey, e.PersonKey ?? "", e.PersonName ?? "",
                e.DepartmentId ?? "", e.DepartmentName ?? "", (e.ItemKeys ?? []).ToArray(), e.JobId, e.Skipped,
            })),
        CopyTable.ById("schedule_slots", "id, source, at, recorded_at, missed, result",
            s => s.Read<SlotRecord>("schedule_slots").Select(x => new object?[] { x.Id, x.Source ?? "", x.At, x.RecordedAt, x.Missed, x.Result ?? "" })),
    ];

    /// <summary>
    /// A count of 0 comes from before counts were kept and means "all of the batch" (LiteDbUploadAcknowledgementStore);
    /// PostgreSQL reads 0 as "none yet", so it is written as the number of the batch's stored files.
    /// </summary>
    private static IEnumerable<object?[]> UploadAcknowledgements(IRecordSource source)
    {
        var acknowledgements = source.Read<UploadAcknowledgement>("upload_acknowledgements").ToList();
        var stored = acknowledgements.Any(a => a.Count == 0)
            ? source.Read<MediaRecord>("media").Where(m => m.State == MediaState.Stored).GroupBy(m => m.BatchId ?? "").ToDictionary(g => g.Key, g => g.Count())
            : [];
        return acknowledgements.Select(a => new object?[] { a.Id, a.At, a.Count == 0 ? stored.GetValueOrDefault(a.Id) : a.Count });
    }

    /// <summary>
    /// The LiteDB file does not say which version is current (a submit there writes its version and nothing else; older
    /// files say it only as it was when their flags were last written): the newest of each slot is, as the bot reads it,
    /// and PostgreSQL holds exactly one current per slot (its index submissions_current).
    /// </summary>
    private static IEnumerable<Submission> CurrentDerived(IEnumerable<Submission> read)
    {
        var versions = read.ToList();
        var newest = new Dictionary<(string, string, string), int>();
        foreach (var x in versions) newest[SlotOf(x)] = Math.Max(newest.GetValueOrDefault(SlotOf(x)), x.Version);
        foreach (var x in versions) x.IsCurrent = x.Version == newest[SlotOf(x)];
        return versions;
    }

    // As the row's columns hold it (LiteDB keeps "" as null).
    private static (string, string, string) SlotOf(Submission x) => (x.WeekId ?? "", x.DepartmentId ?? "", x.ItemKey ?? "");
}
