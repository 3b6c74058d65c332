using VocEdWeek.Bot.Identity;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Storage.LiteDb.Identity;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Storage.Contract;

/// <summary><see cref="KnownUserStoreContract"/> over a real LiteDB file of its own per test.</summary>
public sealed class LiteDbKnownUserStoreContract : KnownUserStoreContract, IDisposable
{
    private readonly TempDir _dir = new();
    private BotDatabase? _db;

    protected override IKnownUserStore NewStore() => new LiteDbKnownUserStore(_db = new BotDatabase(new StorageOptions { Directory = _dir.Path }));

    public void Dispose()
    {
        _db?.Dispose();
        _dir.Dispose();
    }
}
