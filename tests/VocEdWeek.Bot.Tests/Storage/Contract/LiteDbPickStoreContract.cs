using VocEdWeek.Bot.Recommendations;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Storage.LiteDb.Recommendations;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Storage.Contract;

/// <summary><see cref="PickStoreContract"/> over a real LiteDB file of its own per test.</summary>
public sealed class LiteDbPickStoreContract : PickStoreContract, IDisposable
{
    private readonly TempDir _dir = new();
    private BotDatabase? _db;
    private IPickStore? _store;

    protected override IPickStore NewStore() =>
        _store = new LiteDbPickStore(_db = new BotDatabase(new StorageOptions { Directory = _dir.Path }));

    protected override IPickStore OtherInstance() => _store!;

    public void Dispose()
    {
        _db?.Dispose();
        _dir.Dispose();
    }
}
