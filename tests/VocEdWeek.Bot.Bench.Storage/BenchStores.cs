using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VocEdWeek.Bot.App;
using VocEdWeek.Bot.Bench.Office;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Bench.Storage;

/// <summary>
/// The bot's own stores in this process, composed by <c>AddBotApp</c> from the same settings a target's bot gets (so the
/// same provider, file or database): to seed the week before the bots start, to time the store query alone, and to count
/// what was stored afterwards. Nothing here runs hosted services; on LiteDB it must be disposed before a bot opens the file.
/// </summary>
public sealed class BenchStores : IDisposable
{
    private readonly ServiceProvider _services;

    private BenchStores(ServiceProvider services)
    {
        _services = services;
        Submissions = services.GetRequiredService<ISubmissionStore>();
        Writes = services.GetRequiredService<IAtomicWrites>();
        Week = services.GetRequiredService<WeekCatalog>().Active ?? throw new InvalidOperationException("The bench week is not active at the bench's instant.");
    }

    public ISubmissionStore Submissions { get; }

    public IAtomicWrites Writes { get; }

    public ActiveWeek Week { get; }

    public static BenchStores Open(IReadOnlyDictionary<string, string> settings, DateTimeOffset now)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<TimeProvider>(new FixedClock(now))
            .AddSingleton<IFileDownloader>(new NoDownloads())
            .AddSingleton<IMessenger>(new NullMessenger())
            .AddBotApp(configuration)
            .BuildServiceProvider();
        return new BenchStores(services);
    }

    /// <summary>Every version stored in the week, from the store's own per-slot counts.</summary>
    public long Versions() => Submissions.Times(Week.Definition.Id).Values.Sum(t => (long)t.Versions);

    public void Dispose() => _services.Dispose();
}
