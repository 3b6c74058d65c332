using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Storage.LiteDb.Weeks;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Weeks.Store;

namespace VocEdWeek.Bot.Tests.Storage.Contract;

/// <summary><see cref="WeekStoreContract"/> over a real LiteDB file of its own per test.</summary>
public sealed class LiteDbWeekStoreContract : WeekStoreContract, IDisposable
{
    private readonly TempDir _dir = new();
    private BotDatabase? _db;

    protected override IWeekStore NewStore() => new LiteDbWeekStore(_db = new BotDatabase(new StorageOptions { Directory = _dir.Path }));

    public void Dispose()
    {
        _db?.Dispose();
        _dir.Dispose();
    }
}
