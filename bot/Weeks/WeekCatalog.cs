namespace VocEdWeek.Bot.Weeks;

/// <summary>
/// The weeks the bot knows: the active one (<c>Week:DefinitionFile</c>) and past ones kept for
/// look-ups and exports (<c>Week:ArchiveFiles</c>). No week configured is allowed: the bot then says so.
/// </summary>
public sealed class WeekCatalog
{
    private readonly Dictionary<string, ActiveWeek> _all = new(StringComparer.OrdinalIgnoreCase);

    public WeekCatalog(IConfiguration configuration)
    {
        var activeFile = configuration["Week:DefinitionFile"];
        if (!string.IsNullOrWhiteSpace(activeFile))
        {
            Active = new ActiveWeek(WeekLoader.Load(activeFile));
            _all[Active.Definition.Id] = Active;
        }
        foreach (var file in configuration.GetSection("Week:ArchiveFiles").Get<string[]>() ?? [])
        {
            var week = new ActiveWeek(WeekLoader.Load(file));
            if (!_all.TryAdd(week.Definition.Id, week))
                throw new ConfigurationException($"Week:ArchiveFiles: week id '{week.Definition.Id}' appears twice.");
        }
    }

    /// <summary>The week being run now; null when none is configured.</summary>
    public ActiveWeek? Active { get; }

    public IReadOnlyCollection<ActiveWeek> All => _all.Values;

    public ActiveWeek? Find(string id) => _all.GetValueOrDefault(id);
}

/// <summary>A loaded week with its calendar and roster.</summary>
public sealed class ActiveWeek(WeekDefinition definition)
{
    public WeekDefinition Definition { get; } = definition;
    public WeekCalendar Calendar { get; } = new(definition);
    public Roster Roster { get; } = new(definition);

    public Department? Department(string id) => Definition.Departments.FirstOrDefault(d => d.Id == id);
}
