using VocEdWeek.Bot.Features.Exports;
using VocEdWeek.Bot.Storage;

namespace VocEdWeek.Bot.Tests.Storage.Contract;

/// <summary>
/// What every <see cref="IExportStore"/> does (<see cref="LiteDbExportStoreContract"/>, <see cref="PostgreSqlExportStoreContract"/>):
/// records kept as written, found by id and week, and the local files housekeeping may delete.
/// </summary>
public abstract class ExportStoreContract
{
    private IExportStore? _store;

    /// <summary>An empty store, asked for once per test.</summary>
    protected abstract IExportStore NewStore();

    /// <summary>A store whose database refuses every write from now on (the subclass breaks it its own way).</summary>
    protected abstract IExportStore BrokenStore();

    private IExportStore Store => _store ??= NewStore();

    private static readonly DateTime Made = new(2024, 5, 20, 8, 0, 0, DateTimeKind.Utc);

    private static ExportRecord Record(string weekId, DateTime at, ExportStorage storage = ExportStorage.Local, ExportKind kind = ExportKind.Statistics) => new()
    {
        Kind = kind,
        WeekId = weekId,
        WeekTitle = "2024年职业教育活动周",
        FileName = "情况统计表.xlsx",
        Size = 5_000_000_000,
        Sha256 = "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08",
        CreatedAt = at,
        RequestedByName = "吴苏玲",
        RequestedByTeamsId = "29:1office",
        RequestedByAadObjectId = storage == ExportStorage.Local ? null : "ad000000-0000-4000-8000-000000000002",
        Storage = storage,
        Location = storage == ExportStorage.Local ? "exports/2024-wuxi/情况统计表.xlsx" : "01DRIVEITEM",
        WebUrl = storage == ExportStorage.Local ? null : "https://college.sharepoint.cn/sites/office/情况统计表.xlsx",
        FellBackToLocal = false,
    };

    [Fact]
    public void An_added_record_gets_an_id_and_is_found_as_written()
    {
        var local = Record("2024-wuxi", Made, kind: ExportKind.MediaIndex);
        var shared = Record("2024-wuxi", Made, ExportStorage.SharePoint);
        Store.Add(local);
        Store.Add(shared);

        Assert.False(string.IsNullOrEmpty(local.Id));
        Assert.NotEqual(local.Id, shared.Id);
        var a = Store.Find(local.Id)!;
        Assert.Equal((ExportKind.MediaIndex, "2024-wuxi", "2024年职业教育活动周", "情况统计表.xlsx", 5_000_000_000L, local.Sha256, Made),
            (a.Kind, a.WeekId, a.WeekTitle, a.FileName, a.Size, a.Sha256, a.CreatedAt));
        Assert.Equal(("吴苏玲", "29:1office", null, ExportStorage.Local, "exports/2024-wuxi/情况统计表.xlsx", null, false, null),
            (a.RequestedByName, a.RequestedByTeamsId, a.RequestedByAadObjectId, a.Storage, a.Location, a.WebUrl, a.FellBackToLocal, a.LocalDeletedAt));
        Assert.Equal(DateTimeKind.Utc, a.CreatedAt.Kind);
        var b = Store.Find(shared.Id)!;
        Assert.Equal((ExportStorage.SharePoint, "01DRIVEITEM", shared.WebUrl, "ad000000-0000-4000-8000-000000000002"),
            (b.Storage, b.Location, b.WebUrl, b.RequestedByAadObjectId));
    }

    [Fact]
    public void Nothing_is_found_for_no_id_or_an_unknown_one()
    {
        Store.Add(Record("w", Made));

        Assert.Null(Store.Find(null));
        Assert.Null(Store.Find(""));
        Assert.Null(Store.Find("0123456789abcdef01234567"));
    }

    [Fact]
    public void Update_writes_the_record_again()
    {
        var record = Record("w", Made);
        Store.Add(record);

        record.LocalDeletedAt = Made.AddDays(30);
        record.FellBackToLocal = true;
        Store.Update(record);

        var found = Store.Find(record.Id)!;
        Assert.Equal((Made.AddDays(30), true), (found.LocalDeletedAt, found.FellBackToLocal));
        Assert.Equal(DateTimeKind.Utc, found.LocalDeletedAt!.Value.Kind);
    }

    [Fact]
    public void LocalMadeBefore_lists_only_local_files_still_on_disk_made_before_the_instant()
    {
        var old = Record("w", Made);
        var deleted = Record("w", Made);
        var shared = Record("w", Made, ExportStorage.SharePoint);
        var onTheInstant = Record("other", Made.AddDays(1));
        var young = Record("w", Made.AddDays(2));
        foreach (var r in new[] { old, deleted, shared, onTheInstant, young }) Store.Add(r);
        deleted.LocalDeletedAt = Made.AddDays(1);
        Store.Update(deleted);

        Assert.Equal([old.Id], Store.LocalMadeBefore(Made.AddDays(1)).Select(r => r.Id));
        Assert.Equal(new[] { old.Id, onTheInstant.Id }.Order(), Store.LocalMadeBefore(Made.AddDays(1).AddSeconds(1)).Select(r => r.Id).Order());
    }

    [Fact]
    public void ForWeek_lists_that_weeks_records_oldest_first()
    {
        var late = Record("w", Made.AddHours(5));
        var early = Record("w", Made);
        var elsewhere = Record("other", Made.AddHours(1));
        var middle = Record("w", Made.AddHours(2), ExportStorage.SharePoint);
        foreach (var r in new[] { late, early, elsewhere, middle }) Store.Add(r);

        Assert.Equal([early.Id, middle.Id, late.Id], Store.ForWeek("w").Select(r => r.Id));
        Assert.Empty(Store.ForWeek("none"));
    }

    [Fact]
    public void A_database_failure_comes_out_as_a_StorageException()
    {
        // What housekeeping catches to try again later, naming no database.
        var store = BrokenStore();
        var record = Record("w", Made);

        var add = Assert.Throws<StorageException>(() => store.Add(record));
        var update = Assert.Throws<StorageException>(() => store.Update(record));

        Assert.NotNull(add.InnerException);
        Assert.NotNull(update.InnerException);
    }
}
