namespace VocEdWeek.Bot.Bench.Storage;

/// <summary>
/// One configuration under load: a provider and its store settings (a LiteDB folder, or a database on the bench's
/// PostgreSQL cluster) and as many bot processes on it as <see cref="Instances"/>. Several instances of one target share
/// its database and its data folder (one machine), each with an instance name of its own.
/// </summary>
public sealed class Target(string name, int instances, IReadOnlyDictionary<string, string> storage)
{
    private readonly List<BotInstance> _running = [];

    public string Name { get; } = name;

    public int Instances { get; } = instances;

    /// <summary>Storage settings plus the week: what the bench's in-process <see cref="BenchStores"/> needs too.</summary>
    public IReadOnlyDictionary<string, string> Storage { get; } = storage;

    public IReadOnlyList<Uri> Urls => [.. _running.Select(b => b.Messages)];

    /// <summary>Starts the instances one after another (PostgreSQL migrations run under an advisory lock anyway).</summary>
    public async Task StartAsync(IReadOnlyDictionary<string, string> common, string logDirectory)
    {
        for (var i = 0; i < Instances; i++)
        {
            var settings = new Dictionary<string, string>(common);
            foreach (var (k, v) in Storage) settings[k] = v;
            settings["Storage:InstanceName"] = $"{Name}-{i + 1}";
            var environment = settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);
            _running.Add(await BotInstance.StartAsync(environment, Path.Combine(logDirectory, $"{Name}-{i + 1}.log")));
        }
    }

    public async Task StopAsync()
    {
        foreach (var bot in _running) await bot.DisposeAsync();
        _running.Clear();
    }
}
