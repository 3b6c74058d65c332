using LiteDB;
using LiteDB.Engine;
using VocEdWeek.Bot.Features.Exports;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Storage.LiteDb.Exports;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Storage.Contract;

/// <summary><see cref="ExportStoreContract"/> over a real LiteDB file of its own per test.</summary>
public sealed class LiteDbExportStoreContract : ExportStoreContract, IDisposable
{
    private readonly TempDir _dir = new();
    private BotDatabase? _db;
    private BotDatabase? _broken;

    protected override IExportStore NewStore() => new LiteDbExportStore(_db = new BotDatabase(new StorageOptions { Directory = _dir.Path }));

    protected override IExportStore BrokenStore()
    {
        var broken = false;
        var db = new BotDatabase(() => new LiteEngine(new EngineSettings { Filename = Path.Combine(_dir.Path, "broken.db") }), () =>
        {
            if (broken) throw new LiteException(LiteException.INVALID_DATAFILE_STATE, "the data file is damaged");
        });
        _broken = db;
        var store = new LiteDbExportStore(db);
        broken = true;
        return store;
    }

    public void Dispose()
    {
        _db?.Dispose();
        _broken?.Dispose();
        _dir.Dispose();
    }
}
