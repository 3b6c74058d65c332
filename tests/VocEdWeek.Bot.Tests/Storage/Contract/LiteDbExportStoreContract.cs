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

    protected override IExportStore NewStore() => new LiteDbExportStore(_db = new BotDatabase(new StorageOptions { Directory = _dir.Path }));

    public void Dispose()
    {
        _db?.Dispose();
        _dir.Dispose();
    }
}
