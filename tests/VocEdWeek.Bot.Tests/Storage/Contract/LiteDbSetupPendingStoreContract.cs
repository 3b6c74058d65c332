using VocEdWeek.Bot.Features.WeekSetup;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Storage.LiteDb.WeekSetup;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Storage.Contract;

/// <summary><see cref="SetupPendingStoreContract"/> over a real LiteDB file of its own per test.</summary>
public sealed class LiteDbSetupPendingStoreContract : SetupPendingStoreContract, IDisposable
{
    private readonly TempDir _dir = new();
    private BotDatabase? _db;
    private ISetupPendingStore? _store;

    protected override ISetupPendingStore NewStore(TimeProvider time) =>
        _store = new LiteDbSetupPendingStore(_db = new BotDatabase(new StorageOptions { Directory = _dir.Path }), time);

    protected override ISetupPendingStore OtherInstance(TimeProvider time) => _store!;

    public void Dispose()
    {
        _db?.Dispose();
        _dir.Dispose();
    }
}
