using VocEdWeek.Bot.Scheduling;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Storage.LiteDb;
using VocEdWeek.Bot.Storage.LiteDb.Scheduling;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Storage.Contract;

/// <summary><see cref="AtomicWritesContract"/> over a real LiteDB file of its own per test.</summary>
public sealed class LiteDbAtomicWritesContract : AtomicWritesContract, IDisposable
{
    private readonly TempDir _dir = new();
    private BotDatabase? _db;

    protected override (ISlotStore Slots, IAtomicWrites Writes) Open()
    {
        _db = new BotDatabase(new StorageOptions { Directory = _dir.Path });
        return (new LiteDbSlotStore(_db), new LiteDbAtomicWrites(_db));
    }

    public void Dispose()
    {
        _db?.Dispose();
        _dir.Dispose();
    }
}
