using LiteDB;
using LiteDB.Engine;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Storage;

/// <summary>
/// The database's write gate: a write refused before it starts (the disk at its reserve) reaches no LiteDB engine, so
/// nothing half-written and no closed engine; the next write after space came back simply works. (LiteDB meeting a real
/// "no space left" and being reopened is measured on a real tmpfs by tests/reliability/diskfull with no reserve.)
/// </summary>
public sealed class ReopeningEngineTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void AWriteRefusedBeforeItStarts_StoresNothing_AndTheNextWriteWorks()
    {
        var full = true;
        var path = Path.Combine(_dir.Path, "gate.db");
        using var db = new BotDatabase(() => new LiteEngine(new EngineSettings { Filename = path }), () => { if (full) throw StorageFull.Exception(path); });
        var items = db.Collection<BsonDocument>("items");

        Assert.True(StorageFull.Is(Assert.ThrowsAny<IOException>(() => items.Insert(new BsonDocument { ["_id"] = 1 }))));
        Assert.Equal(0, items.Count()); // reads are never gated
        full = false;
        items.Insert(new BsonDocument { ["_id"] = 2 });

        Assert.Equal([2], items.FindAll().Select(d => d["_id"].AsInt32));
    }
}
