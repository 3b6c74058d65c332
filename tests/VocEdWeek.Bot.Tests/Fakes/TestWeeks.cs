using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Storage.LiteDb.Weeks;
using VocEdWeek.Bot.Weeks;
using VocEdWeek.Bot.Weeks.Store;

namespace VocEdWeek.Bot.Tests.Fakes;

/// <summary>A week catalog over a real database, seeded from week files the way start-up does.</summary>
public static class TestWeeks
{
    public static WeekCatalog Catalog(BotDatabase db, TimeProvider time, params string[] files) => Catalog(new LiteDbWeekStore(db), time, files);

    public static WeekCatalog Catalog(IWeekStore store, TimeProvider time, params string[] files)
    {
        var settings = new Dictionary<string, string?>();
        if (files.Length > 0) settings["Week:DefinitionFile"] = files[0];
        for (var i = 1; i < files.Length; i++) settings[$"Week:ArchiveFiles:{i - 1}"] = files[i];
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        WeekSeeding.Seed(store, configuration, time, NullLogger.Instance);
        return new WeekCatalog(store, OfficeAdmins.None, time);
    }
}
