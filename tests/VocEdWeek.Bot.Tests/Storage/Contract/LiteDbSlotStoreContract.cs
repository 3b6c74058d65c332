using VocEdWeek.Bot.Scheduling;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Storage.LiteDb.Scheduling;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Storage.Contract;

/// <summary><see cref="SlotStoreContract"/> over a real LiteDB file of its own per test.</summary>
public sealed class LiteDbSlotStoreContract : SlotStoreContract, IDisposable
{
    private readonly TempDir _dir = new();
    private BotDatabase? _db;

    protected override ISlotStore NewStore() => new LiteDbSlotStore(_db = new BotDatabase(new StorageOptions { Directory = _dir.Path }));

    public void Dispose()
    {
        _db?.Dispose();
        _dir.Dispose();
    }
}
