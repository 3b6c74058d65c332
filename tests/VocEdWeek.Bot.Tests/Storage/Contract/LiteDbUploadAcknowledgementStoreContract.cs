using VocEdWeek.Bot.Features.UploadPage;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Storage.LiteDb.UploadPage;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Storage.Contract;

/// <summary><see cref="UploadAcknowledgementStoreContract"/> over a real LiteDB file of its own per test.</summary>
public sealed class LiteDbUploadAcknowledgementStoreContract : UploadAcknowledgementStoreContract, IDisposable
{
    private readonly TempDir _dir = new();
    private BotDatabase? _db;

    protected override IUploadAcknowledgementStore NewStore() => new LiteDbUploadAcknowledgementStore(_db = new BotDatabase(new StorageOptions { Directory = _dir.Path }));

    [Fact]
    public void An_entry_from_before_counts_were_kept_acknowledged_the_whole_batch()
    {
        _ = Store;
        _db!.Collection<UploadAcknowledgement>("upload_acknowledgements").Insert(new UploadAcknowledgement { Id = "upload|old", At = T0 });

        Assert.Equal(4, Store.Acknowledge("upload|old", 4, T0.AddHours(1)));
        Assert.Equal(0, Store.Find("upload|old")!.Count);
    }

    public void Dispose()
    {
        _db?.Dispose();
        _dir.Dispose();
    }
}
