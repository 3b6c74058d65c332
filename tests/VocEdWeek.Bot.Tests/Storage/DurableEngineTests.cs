using LiteDB;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Storage;

/// <summary>
/// <see cref="DurableEngine"/> waits, after each commit, for the log up to where LiteDB will put its next page. It reads
/// that from LiteDB's disk service instead of the "$database" query: both must agree, through commits and a checkpoint —
/// and if a LiteDB upgrade renames the field, the first test says so (the bot would fall back to the slower query).
/// </summary>
public sealed class DurableEngineTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void ThisLiteDb_HasTheFieldTheNextLogPageIsReadFrom() => Assert.NotNull(DurableEngine.NextLogPage);

    [Fact]
    public async Task TheNextLogPageReadDirectly_IsWhatDatabaseQuerySays_ThroughCommitsAndACheckpoint()
    {
        using var engine = DurableEngine.Open(Path.Combine(_dir.Path, "vocedweek.db"));
        Assert.Equal(engine.LogLengthQueried(), engine.LogLength());

        var lengths = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            engine.BeginTrans();
            engine.Insert("things", Enumerable.Range(0, 50).Select(n => new BsonDocument { ["n"] = n, ["text"] = new string('x', 300) }), BsonAutoId.ObjectId);
            await engine.CommitDurably().AsTask();
            Assert.Equal(engine.LogLengthQueried(), engine.LogLength());
            lengths.Add(engine.LogLength());
        }
        Assert.True(lengths.Zip(lengths.Skip(1)).All(p => p.Second > p.First), string.Join(", ", lengths));

        engine.Checkpoint();
        Assert.Equal(0, engine.LogLength());
        Assert.Equal(engine.LogLengthQueried(), engine.LogLength());
    }

    [Fact]
    public async Task WhatACrashLeaves_AfterCheckpoints_OpensWithEveryDurableCommit_AndNothingOfTheOlderLogs()
    {
        var path = Path.Combine(_dir.Path, "vocedweek.db");
        var values = new Dictionary<int, int>();
        using var engine = DurableEngine.Open(path);
        async Task Commit(IEnumerable<int> ids, int value)
        {
            engine.BeginTrans();
            engine.Upsert("things", ids.Select(id => new BsonDocument { ["_id"] = id, ["value"] = value, ["text"] = new string('v', 500) }), BsonAutoId.Int32);
            await engine.CommitDurably().AsTask();
            foreach (var id in ids) values[id] = value;
        }

        // A long log (many pages), a checkpoint, then a shorter one rewriting the same documents: the older log's pages
        // stay in the file behind the new one, and hold older values of the same pages.
        for (var round = 0; round < 20; round++) await Commit(Enumerable.Range(round * 50, 50), 1);
        for (var round = 0; round < 5; round++) await Commit(Enumerable.Range(0, 60), 100 + round); // far into the log
        engine.Checkpoint();
        for (var round = 0; round < 3; round++) await Commit(Enumerable.Range(round * 7, 40), 2 + round);
        Assert.True(engine.LogLength() > 0);

        // The files as a SIGKILL would leave them (every commit above was answered as durable), opened as the bot would.
        var crashed = Path.Combine(_dir.Path, "crashed");
        Directory.CreateDirectory(crashed);
        File.Copy(path, Path.Combine(crashed, "vocedweek.db"));
        File.Copy(Path.Combine(_dir.Path, "vocedweek-log.db"), Path.Combine(crashed, "vocedweek-log.db"));
        Assert.True(new FileInfo(Path.Combine(crashed, "vocedweek-log.db")).Length > engine.LogLength() + 8192); // older pages behind

        using var reopened = new LiteDatabase(DurableEngine.Open(Path.Combine(crashed, "vocedweek.db")));
        var found = reopened.GetCollection("things").FindAll().ToDictionary(d => d["_id"].AsInt32, d => d["value"].AsInt32);
        Assert.Equal(values.OrderBy(p => p.Key), found.OrderBy(p => p.Key));
    }
}
