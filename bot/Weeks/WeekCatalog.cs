using VocEdWeek.Bot.Weeks.Store;

namespace VocEdWeek.Bot.Weeks;

/// <summary>
/// The weeks the bot knows, read from the database (<see cref="IWeekStore"/>) and replaced whole after every change, so a
/// change made in Teams reaches every feature at its next look, with no restart. <c>Week:DefinitionFile</c> and
/// <c>Week:ArchiveFiles</c> seed the database (<see cref="WeekSeeding"/>). With several instances, a change made on another
/// one is told to this one (<see cref="IWeekChangeSignal"/>; on PostgreSQL LISTEN/NOTIFY), which then calls <see cref="Reload"/>.
/// </summary>
public sealed class WeekCatalog
{
    private readonly IWeekStore _store;
    private readonly TimeProvider _time;
    private volatile IReadOnlyDictionary<string, Entry> _all = new Dictionary<string, Entry>();
    private readonly Lock _reloading = new();

    public WeekCatalog(IWeekStore store, OfficeAdmins admins, TimeProvider time)
    {
        _store = store;
        Admins = admins;
        _time = time;
        Reload();
    }

    private sealed record Entry(ActiveWeek Week, bool Archived);

    /// <summary>The administrators named in configuration; they are admins whatever the weeks say.</summary>
    public OfficeAdmins Admins { get; }

    /// <summary>The roster when there is no week: only the configured admins (they create the first one).</summary>
    public Roster NoWeekRoster => _noWeek ??= new Roster(null, Admins);

    private Roster? _noWeek;

    /// <summary>
    /// The week being run now; null when there is none. The one whose dates (through its last deadline) include today; else
    /// one that ended within <see cref="LateWorkWindow"/> (its late work still comes in); else the next to start; else the
    /// latest. Archived weeks never.
    /// </summary>
    public ActiveWeek? Active => Choose(_time.GetUtcNow());

    /// <summary>How long after its last deadline a week stays active when another has not yet begun.</summary>
    public static readonly TimeSpan LateWorkWindow = TimeSpan.FromDays(30);

    public IReadOnlyCollection<ActiveWeek> All => _all.Values.Select(e => e.Week).ToList();

    public ActiveWeek? Find(string id) => _all.GetValueOrDefault(id)?.Week;

    /// <summary>The latest week by start, active or not; the office of it is the office between weeks.</summary>
    public ActiveWeek? Latest => _all.Values.Select(e => e.Week).OrderByDescending(w => w.Definition.Start).FirstOrDefault();

    /// <summary>Reads every week again from the database; called after each change (and whenever another instance may have made one).</summary>
    public void Reload()
    {
        // One at a time (the editor's and the change listener's): an older read never replaces a newer one.
        lock (_reloading)
        {
            var all = new Dictionary<string, Entry>(StringComparer.OrdinalIgnoreCase);
            foreach (var stored in _store.All())
            {
                var week = WeekJson.Read(stored.Json);
                all[week.Id] = new Entry(new ActiveWeek(week, Admins), stored.Archived);
            }
            _all = all;
        }
    }


    private ActiveWeek? Choose(DateTimeOffset now)
    {
        var candidates = _all.Values.Where(e => !e.Archived).Select(e => e.Week).ToList();
        if (candidates.Count <= 1) return candidates.FirstOrDefault();
        var running = candidates.Where(w => w.Calendar.Opens <= now && now <= w.Calendar.LastDeadline).OrderByDescending(w => w.Definition.Start).FirstOrDefault();
        if (running is not null) return running;
        var recent = candidates.Where(w => w.Calendar.LastDeadline < now && now - w.Calendar.LastDeadline <= LateWorkWindow)
            .OrderByDescending(w => w.Calendar.LastDeadline).FirstOrDefault();
        if (recent is not null) return recent;
        return candidates.Where(w => w.Calendar.Opens > now).OrderBy(w => w.Calendar.Opens).FirstOrDefault()
            ?? candidates.OrderByDescending(w => w.Calendar.LastDeadline).First();
    }
}

/// <summary>A loaded week with its calendar and roster; replaced, never changed, when the week is.</summary>
public sealed class ActiveWeek(WeekDefinition definition, OfficeAdmins admins)
{
    public ActiveWeek(WeekDefinition definition) : this(definition, OfficeAdmins.None)
    {
    }

    public WeekDefinition Definition { get; } = definition;
    public WeekCalendar Calendar { get; } = new(definition);
    public Roster Roster { get; } = new(definition, admins);

    public Department? Department(string id) => Definition.Departments.FirstOrDefault(d => d.Id == id);
}
