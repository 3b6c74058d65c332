using VocEdWeek.Bot.Features.Settings;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Storage.LiteDb.Settings;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Storage.Contract;

/// <summary><see cref="PendingChangeStoreContract"/> over a real LiteDB file of its own per test.</summary>
public sealed class LiteDbPendingChangeStoreContract : PendingChangeStoreContract, IDisposable
{
    private readonly TempDir _dir = new();
    private BotDatabase? _db;
    private IPendingChangeStore? _store;

    protected override IPendingChangeStore NewStore() =>
        _store = new LiteDbPendingChangeStore(_db = new BotDatabase(new StorageOptions { Directory = _dir.Path }));

    protected override IPendingChangeStore OtherInstance() => _store!;

    public void Dispose()
    {
        _db?.Dispose();
        _dir.Dispose();
    }
}
