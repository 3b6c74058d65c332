using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Storage.LiteDb.Files;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Storage.Contract;

/// <summary><see cref="MediaStoreContract"/> over a real LiteDB file of its own per test; the other instance is a second store on it.</summary>
public sealed class LiteDbMediaStoreContract : MediaStoreContract, IDisposable
{
    private readonly TempDir _dir = new();
    private BotDatabase? _db;

    protected override IMediaStore NewStore() => new LiteDbMediaStore(_db = new BotDatabase(new StorageOptions { Directory = _dir.Path }));

    protected override IMediaStore OtherInstance() => new LiteDbMediaStore(_db ?? throw new InvalidOperationException("Store first."));

    public void Dispose()
    {
        _db?.Dispose();
        _dir.Dispose();
    }
}
