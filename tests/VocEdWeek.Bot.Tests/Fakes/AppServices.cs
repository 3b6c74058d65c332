using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VocEdWeek.Bot.Handlers;
using VocEdWeek.Bot.App;
using VocEdWeek.Bot.Conversation;

namespace VocEdWeek.Bot.Tests.Fakes;

/// <summary>
/// The bot's services as <c>AddBotApp</c> registers them, without a web host or the protocol layer: settings in memory,
/// the test's clock and messenger, and a file downloader that refuses (no Teams here). Hosted services are not started.
/// Settings that name no <c>Storage:Provider</c> follow <see cref="TestStorage"/> (a fresh PostgreSQL database each call
/// under VOCEDWEEK_TEST_STORAGE=PostgreSql); a caller that keeps one database across builds passes its settings itself.
/// </summary>
public static class AppServices
{
    public static ServiceProvider Build(IEnumerable<KeyValuePair<string, string?>> settings, TimeProvider clock, IMessenger messenger)
    {
        var all = settings.ToDictionary(s => s.Key, s => s.Value);
        if (!all.ContainsKey("Storage:Provider"))
        {
            foreach (var (k, v) in TestStorage.Settings()) all[k] = v;
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(all).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(clock);
        services.AddBotApp(configuration);
        services.AddSingleton(messenger);
        services.AddSingleton<IFileDownloader>(new RefusingFileDownloader());
        return services.BuildServiceProvider();
    }
}
