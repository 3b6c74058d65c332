using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Storage.LiteDb.Weeks;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Weeks.Settings;

namespace VocEdWeek.Bot.Tests.Storage.Contract;

/// <summary><see cref="SettingsLogStoreContract"/> over a real LiteDB file of its own per test.</summary>
public sealed class LiteDbSettingsLogStoreContract : SettingsLogStoreContract, IDisposable
{
    private readonly TempDir _dir = new();
    private BotDatabase? _db;

    protected override ISettingsLogStore NewStore() => new LiteDbSettingsLogStore(_db = new BotDatabase(new StorageOptions { Directory = _dir.Path }));

    public void Dispose()
    {
        _db?.Dispose();
        _dir.Dispose();
    }
}
