using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Tests.Features.Forms;
using static VocEdWeek.Bot.Tests.Features.Forms.FormsWorld;

namespace VocEdWeek.Bot.Tests.Storage;

/// <summary>
/// A full disk: the liaison is told so ("服务器存储空间不足…"), nothing is acknowledged that was not stored, and the
/// bot takes the same card once there is room again, without a restart. "Full" is the real check against the real
/// disk's free space (StorageSpace), with the reserve set above what any disk has. On LiteDB under either
/// VOCEDWEEK_TEST_STORAGE: the reserve keeps room for the LiteDB file; a PostgreSQL server's disk is the server's.
/// </summary>
public sealed class StorageFullTests : IDisposable
{
    private const long MoreThanAnyDisk = long.MaxValue / 2;
    private readonly FormsWorld _world = new(Beijing(2024, 5, 14, 10, 0), settings: TestStorage.LiteDb());
    private readonly TempDir _dir = new();

    public void Dispose()
    {
        _world.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task DailyReport_OnAFullDisk_IsRefusedInWords_StoresNothing_AndIsTakenOnceThereIsRoom()
    {
        var form = await _world.CardForAsync(Liaison, "日报");
        var click = CardJson.Click(form, "report.submit", FormSteps.ValidReport());
        var storage = _world.Get<StorageOptions>();

        storage.ReserveBytes = MoreThanAnyDisk;
        var refused = await _world.ExecuteAsync(Liaison, click);

        Assert.StartsWith("服务器存储空间不足，本次内容没有保存。", refused.Message());
        Assert.Empty(_world.Store.History("2024-wuxi", "jd", "report:2024-05-14"));

        storage.ReserveBytes = 0;
        var receipt = (await _world.ExecuteAsync(Liaison, click)).Card();

        Assert.Contains("已提交 ✓", CardJson.AllText(receipt));
        Assert.Single(_world.Store.History("2024-wuxi", "jd", "report:2024-05-14"));
    }

    [Fact]
    public async Task ASecondVersion_RefusedOnAFullDisk_LeavesTheFirstOneCurrent()
    {
        await FormSteps.SubmitAsync(_world, "日报", "report.submit", _ => FormSteps.ValidReport());
        var storage = _world.Get<StorageOptions>();

        storage.ReserveBytes = MoreThanAnyDisk;
        var edit = await _world.CardForAsync(Liaison, "日报");
        await _world.ExecuteAsync(Liaison, CardJson.Click(edit, "report.submit", FormSteps.ValidReport()));

        var history = Assert.Single(_world.Store.History("2024-wuxi", "jd", "report:2024-05-14"));
        Assert.True(history.IsCurrent);
        Assert.NotNull(_world.Store.Current("2024-wuxi", "jd", "report:2024-05-14"));
    }

    [Fact]
    public async Task InEnglish_TheRefusalIsEnglish()
    {
        var form = await _world.CardForAsync(Liaison, "report", "en-US");
        _world.Get<StorageOptions>().ReserveBytes = MoreThanAnyDisk;

        var refused = await _world.ExecuteAsync(Liaison, CardJson.Click(form, "report.submit", FormSteps.ValidReport()), "en-US");

        Assert.StartsWith("The server is out of storage space, so this was not saved.", refused.Message());
    }

    [Fact]
    public async Task FileStore_AtTheReserve_RefusesAsDiskFull_AndLeavesNoFileBehind()
    {
        var store = new LocalFileStore(new StorageOptions { Directory = _dir.Path, ReserveBytes = MoreThanAnyDisk });

        var ex = await Assert.ThrowsAsync<IOException>(() =>
            store.SaveAsync(["2024年职业教育活动周", "机电工程学院"], "开幕式.jpg", new MemoryStream(new byte[4096]), CancellationToken.None));

        Assert.True(StorageFull.Is(ex));
        Assert.Empty(Directory.EnumerateFiles(_dir.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void StorageFull_RecognisesTheDisksError_NotOtherIoErrors()
    {
        Assert.True(StorageFull.Is(new InvalidOperationException("wrapped", new IOException("No space left on device", 28))));
        Assert.False(StorageFull.Is(new IOException("The process cannot access the file", 11)));
        Assert.False(StorageFull.Is(new FileNotFoundException("gone")));
    }
}
