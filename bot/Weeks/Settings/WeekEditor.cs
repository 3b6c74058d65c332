using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Weeks.Store;

namespace VocEdWeek.Bot.Weeks.Settings;

/// <summary>
/// The one writer of weeks: a new week, or a change to one, is checked by <see cref="WeekRules"/>, stored with its settings
/// log entry in one transaction (both or neither), and then <see cref="WeekCatalog"/> is reloaded — every feature sees the
/// new roster and deadlines at its next look. Changes are made one at a time here, and written only over the revision they
/// were made on: when another instance changed the week in between, the change is made again on what that one wrote. Each
/// committed change is told to the other instances (<see cref="IWeekChangeSignal"/>; none when built without one).
/// </summary>
public sealed class WeekEditor(
    IWeekStore store, ISettingsLogStore log, IAtomicWrites writes, WeekCatalog catalog, TimeProvider time, ILogger<WeekEditor> logger,
    IWeekChangeSignal? others = null)
{
    /// <summary>Refusal when the week kept changing under this change, or was changed after the revision the caller showed.</summary>
    public const string ChangedMeanwhile = "settings_changed_meanwhile";

    /// <summary>Tries before giving up on a week other instances keep changing (each try is made on the newest revision).</summary>
    private const int Attempts = 5;

    private readonly Lock _gate = new();

    /// <summary>Creates a week (from the notice); refused when its id is taken or it breaks a rule.</summary>
    public ChangeOutcome Create(WeekDefinition week, Actor actor)
    {
        lock (_gate)
        {
            if (store.Find(week.Id) is not null) return ChangeOutcome.Refused("settings_week_exists", week.Id);
            if (WeekRules.FindProblem(week) is { } problem) return ChangeOutcome.Refused("settings_invalid", problem.Message);
            var entry = Entry(week.Id, "week.create", week.Title, "", $"{week.Start:yyyy-MM-dd} – {week.End:yyyy-MM-dd}", actor, 1);
            var now = time.GetUtcNow().UtcDateTime;
            var stored = new StoredWeek { Id = week.Id, Json = WeekJson.Write(week), Revision = 1, ChangedInTeams = true, CreatedAt = now, UpdatedAt = now };
            // Another instance may have taken the id since the look above: then nothing is written.
            if (!Write(() => store.Add(stored), entry)) return ChangeOutcome.Refused("settings_week_exists", week.Id);
            return Committed(stored, entry);
        }
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the week as it is now (not as it was when the confirm card was shown). With
    /// <paramref name="basedOn"/>, only to that revision: refused with <see cref="ChangedMeanwhile"/> when it has moved on.
    /// </summary>
    public ChangeOutcome Apply(string weekId, WeekChange change, Actor actor, int? basedOn = null)
    {
        lock (_gate)
        {
            for (var attempt = 1; ; attempt++)
            {
                if (store.Find(weekId) is not { } stored) return ChangeOutcome.Refused("settings_no_week", weekId);
                if (basedOn is { } shown && stored.Revision != shown) return ChangeOutcome.Refused(ChangedMeanwhile);
                var before = WeekJson.Read(stored.Json);
                WeekDefinition after;
                (string Subject, string Before, string After) said;
                try
                {
                    said = change.Describe(before);
                    after = change.Apply(before);
                }
                catch (WeekChangeRefused refused)
                {
                    return ChangeOutcome.Refused(refused.Key, refused.Args);
                }
                if (WeekRules.FindProblem(after) is { } problem) return ChangeOutcome.Refused("settings_invalid", problem.Message);
                var readAt = stored.Revision;
                stored.Json = WeekJson.Write(after);
                stored.Revision = readAt + 1;
                stored.ChangedInTeams = true;
                stored.UpdatedAt = time.GetUtcNow().UtcDateTime;
                var entry = Entry(weekId, change.Kind, said.Subject, said.Before, said.After, actor, stored.Revision);
                if (Write(() => store.Replace(stored, readAt), entry)) return Committed(stored, entry);
                // Another instance wrote a newer revision in between: nothing of this try was kept.
                catalog.Reload();
                if (attempt == Attempts) return ChangeOutcome.Refused(ChangedMeanwhile);
            }
        }
    }

    /// <summary>Records a change kept elsewhere (a whole-week exemption lives with the submissions) in the same log.</summary>
    public SettingsLogEntry Record(string weekId, string kind, string subject, string before, string after, Actor actor)
    {
        var entry = Entry(weekId, kind, subject, before, after, actor, store.Find(weekId)?.Revision ?? 0);
        log.Add(entry);
        return entry;
    }

    /// <summary>The week's write and its log entry in one transaction; false (nothing written) when the week write was refused.</summary>
    private bool Write(Func<bool> writeWeek, SettingsLogEntry entry) => writes.Atomically(() =>
    {
        if (!writeWeek()) return false;
        log.Add(entry);
        // In the transaction: the others hear of it only once it is committed, and never of a change rolled back.
        others?.Publish(entry.WeekId);
        return true;
    });

    private ChangeOutcome Committed(StoredWeek stored, SettingsLogEntry entry)
    {
        catalog.Reload();
        logger.LogInformation("Week {WeekId} revision {Revision}: {Kind} {Subject} by {Actor}.", stored.Id, stored.Revision, entry.Kind, entry.Subject, entry.ActorKey);
        return new ChangeOutcome(catalog.Find(stored.Id), entry, null, []);
    }

    private SettingsLogEntry Entry(string weekId, string kind, string subject, string before, string after, Actor actor, int revision) => new()
    {
        WeekId = weekId,
        At = time.GetUtcNow().UtcDateTime,
        ActorName = actor.Name,
        ActorKey = actor.Key,
        Kind = kind,
        Subject = subject,
        Before = before,
        After = after,
        Revision = revision,
    };
}
