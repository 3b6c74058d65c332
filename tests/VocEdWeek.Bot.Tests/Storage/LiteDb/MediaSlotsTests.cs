using LiteDB.Engine;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Storage.LiteDb.Files;
using VocEdWeek.Bot.Tests.Fakes;
using static VocEdWeek.Bot.Tests.Storage.Contract.MediaStoreContract;

namespace VocEdWeek.Bot.Tests.Storage.LiteDb;

/// <summary>
/// The LiteDB media store keeps in memory which (week, department, item) slots may hold files: an item without any is
/// answered without a query, and every way a record is written puts its slot there first, also across a restart.
/// </summary>
public sealed class MediaSlotsTests : IDisposable
{
    private readonly TempDir _dir = new();
    private CountingEngine? _engine;
    private BotDatabase? _db;

    public void Dispose()
    {
        _db?.Dispose();
        _dir.Dispose();
    }

    // A fresh process on the folder's file: the slots are read from it again.
    private LiteDbMediaStore Open()
    {
        _db?.Dispose();
        var path = Path.Combine(_dir.Path, "bot.db");
        _db = new BotDatabase(() => _engine = new CountingEngine(new LiteEngine(new EngineSettings { Filename = path })), () => { });
        return new LiteDbMediaStore(_db);
    }

    [Fact]
    public async Task A_file_written_by_each_path_is_found_and_still_after_a_restart()
    {
        var store = Open();
        store.Add(File("add.jpg", Nine, item: "report:2024-05-13"));
        store.AddBatch([File("batch.jpg", Nine, batch: "b2", item: "report:2024-05-14")]);
        // The chat's intake: pending first, stored by the download (MediaArrival) in its own write.
        var pending = File("chat.jpg", Nine, batch: "b3", item: "report:2024-05-15", state: MediaState.Pending);
        await store.AddBatchAsync([pending]);
        var fetched = store.ClaimDownload(pending.Id, new MediaClaim("bot-1", Nine, Nine.AddMinutes(5)))!;
        fetched.State = MediaState.Stored;
        await store.UpdateAsync(fetched);
        // The upload page records a stored file in one write.
        await store.AddBatchAsync([File("page.jpg", Nine, batch: "b4", item: "report:2024-05-16")]);
        // An update that moves a record to another item (a second store object on the same file shares the slots).
        var moved = File("moved.jpg", Nine, batch: "b5", item: "report:2024-05-17");
        store.Add(moved);
        moved.ItemKey = "report:2024-05-18";
        new LiteDbMediaStore(_db!).Update(moved);

        var expected = new[] { ("13", "add.jpg"), ("14", "batch.jpg"), ("15", "chat.jpg"), ("16", "page.jpg"), ("18", "moved.jpg") };
        AssertFound(store, expected);
        AssertFound(Open(), expected);
        Assert.Empty(Open().StoredForItem("2024-wuxi", "jd", "report:2024-05-17"));
    }

    [Fact]
    public void An_item_without_files_is_answered_without_a_query_one_with_files_is_read()
    {
        Open().Add(File("a.jpg", Nine, department: "jd"));
        var store = Open();
        var before = _engine!.Queries("media");

        Assert.Empty(store.StoredForItem("2024-wuxi", "xx", "report:2024-05-14"));
        Assert.Empty(store.ForItem("2024-wuxi", "jd", "report:2024-05-13"));
        Assert.Empty(store.StoredForItem("2023-wuxi", "jd", "report:2024-05-14"));
        Assert.Equal(before, _engine.Queries("media"));

        Assert.Equal(["a.jpg"], store.StoredForItem("2024-wuxi", "jd", "report:2024-05-14").Select(f => f.FileName));
        Assert.True(_engine.Queries("media") > before);
    }

    [Fact]
    public void Departments_match_as_the_files_index_matches_them()
    {
        var store = Open();
        store.Add(File("a.jpg", Nine, department: "jd"));

        // The DepartmentId index ignores case (LiteDB's collation): the slots answer as the query did before them.
        Assert.Equal(["a.jpg"], store.StoredForItem("2024-wuxi", "JD", "report:2024-05-14").Select(f => f.FileName));
        Assert.Equal(["a.jpg"], Open().StoredForItem("2024-wuxi", "Jd", "report:2024-05-14").Select(f => f.FileName));
    }

    private static void AssertFound(LiteDbMediaStore store, IEnumerable<(string Day, string Name)> files)
    {
        foreach (var (day, name) in files)
        {
            Assert.Equal([name], store.StoredForItem("2024-wuxi", "jd", $"report:2024-05-{day}").Select(f => f.FileName));
            Assert.Equal([name], store.ForItem("2024-wuxi", "jd", $"report:2024-05-{day}").Select(f => f.FileName));
        }
    }
}
