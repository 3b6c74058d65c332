using VocEdWeek.Bot.Features.DigestChannel;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Storage.LiteDb.DigestChannel;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Storage.Contract;

/// <summary><see cref="SettingsStoreContract"/> over a real LiteDB file of its own per test.</summary>
public sealed class LiteDbSettingsStoreContract : SettingsStoreContract, IDisposable
{
    private readonly TempDir _dir = new();
    private BotDatabase? _db;

    protected override ISettingsStore NewStore() => new LiteDbSettingsStore(_db = new BotDatabase(new StorageOptions { Directory = _dir.Path }));

    public void Dispose()
    {
        _db?.Dispose();
        _dir.Dispose();
    }
}
