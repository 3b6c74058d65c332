using VocEdWeek.Bot.Features.Reminders;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Storage.LiteDb.Reminders;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Storage.Contract;

/// <summary><see cref="ReminderLogStoreContract"/> over a real LiteDB file of its own per test.</summary>
public sealed class LiteDbReminderLogStoreContract : ReminderLogStoreContract, IDisposable
{
    private readonly TempDir _dir = new();
    private BotDatabase? _db;

    protected override IReminderLogStore NewStore() => new LiteDbReminderLogStore(_db = new BotDatabase(new StorageOptions { Directory = _dir.Path }));

    public void Dispose()
    {
        _db?.Dispose();
        _dir.Dispose();
    }
}
