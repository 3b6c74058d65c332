using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Storage.LiteDb;
using VocEdWeek.Bot.Storage.LiteDb.Weeks;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Weeks.Settings;

namespace VocEdWeek.Bot.Tests.Weeks.Settings;

/// <summary>
/// <see cref="WeekEditorContract"/> on a real LiteDB file of its own per test. One process owns the file, so the "other
/// instance" is a second set of stores over it (what another editor would write through).
/// </summary>
public sealed class LiteDbWeekEditorContract : WeekEditorContract, IDisposable
{
    private readonly TempDir _dir = new();
    private BotDatabase? _db;

    protected override Stores Open()
    {
        _db = new BotDatabase(new StorageOptions { Directory = _dir.Path });
        return OtherInstance();
    }

    protected override Stores OtherInstance() => new(new LiteDbWeekStore(_db!), new LiteDbSettingsLogStore(_db!), new LiteDbAtomicWrites(_db!));

    protected override void BreakTheLog() => _db!.Collection<SettingsLogEntry>("settingslog").EnsureIndex(x => x.Kind, unique: true);

    public void Dispose()
    {
        _db?.Dispose();
        _dir.Dispose();
    }
}
