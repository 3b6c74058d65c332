using VocEdWeek.Bot.Weeks.Store;

namespace VocEdWeek.Bot.Weeks.Settings;

/// <summary>
/// The one writer of weeks: a new week, or a change to one, is checked by <see cref="WeekRules"/>, stored with its settings
/// log entry in one LiteDB transaction (both or neither), and then <see cref="WeekCatalog"/> is reloaded — every feature
/// sees the new roster and deadlines at its next look. Changes are made one at a time.
/// </summary>
public sealed class WeekEditor(WeekStore store, SettingsLog log, WeekCatalog catalog, TimeProvider time, ILogger<WeekEditor> logger)
{
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
            return Commit(new StoredWeek { Id = week.Id, Json = WeekJson.Write(week), Revision = 1, ChangedInTeams = true, CreatedAt = now, UpdatedAt = now }, entry);
        }
    }

    /// <summary>Applies <paramref name="change"/> to the week as it is now (not as it was when the confirm card was shown).</summary>
    public ChangeOutcome Apply(string weekId, WeekChange change, Actor actor)
    {
        lock (_gate)
        {
            if (store.Find(weekId) is not { } stored) return ChangeOutcome.Refused("settings_no_week", weekId);
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
            stored.Json = WeekJson.Write(after);
            stored.Revision++;
            stored.ChangedInTeams = true;
            stored.UpdatedAt = time.GetUtcNow().UtcDateTime;
            return Commit(stored, Entry(weekId, change.Kind, said.Subject, said.Before, said.After, actor, stored.Revision));
        }
    }

    /// <summary>Records a change kept elsewhere (a whole-week exemption lives with the submissions) in the same log.</summary>
    public SettingsLogEntry Record(string weekId, string kind, string subject, string before, string after, Actor actor)
    {
        var entry = Entry(weekId, kind, subject, before, after, actor, store.Find(weekId)?.Revision ?? 0);
        log.Add(entry);
        return entry;
    }

    private ChangeOutcome Commit(StoredWeek stored, SettingsLogEntry entry)
    {
        var db = store.Database.Database;
        db.BeginTrans();
        try
        {
            store.Upsert(stored);
            log.Add(entry);
            db.Commit();
        }
        catch
        {
            db.Rollback();
            throw;
        }
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
