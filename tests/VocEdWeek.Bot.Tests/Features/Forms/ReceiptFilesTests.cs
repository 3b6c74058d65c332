using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Tests.Fakes;
using static VocEdWeek.Bot.Tests.Features.Forms.FormsWorld;

namespace VocEdWeek.Bot.Tests.Features.Forms;

/// <summary>
/// A receipt lists the item's files whichever way they were recorded — the chat's intake (pending, then stored by its
/// download) and the upload page (stored in one write) —, and still after a restart (LiteDB keeps in memory which items
/// have files, so this is what proves it is read back and kept up to date).
/// </summary>
public sealed class ReceiptFilesTests
{
    private const string Week = "2024-wuxi";

    [Fact]
    public async Task Files_from_the_chat_and_the_upload_page_are_on_the_receipt()
    {
        using var world = new FormsWorld(Beijing(2024, 5, 14, 10, 0));
        await StoreAsync(world);

        await AssertReceiptsAsync(world);
    }

    [Fact]
    public async Task After_a_restart_the_receipt_still_lists_them()
    {
        using var dir = new TempDir();
        var settings = TestStorage.LiteDb(new() { ["Storage:Directory"] = dir.Path });
        using (var first = new FormsWorld(Beijing(2024, 5, 14, 10, 0), settings: settings)) await StoreAsync(first);

        using var second = new FormsWorld(Beijing(2024, 5, 14, 10, 5), settings: settings);
        await AssertReceiptsAsync(second);
    }

    private static async Task StoreAsync(FormsWorld world)
    {
        var media = world.Get<IMediaStore>();
        var arrival = world.Get<MediaArrival>();
        var now = world.Clock.GetUtcNow().UtcDateTime;

        // The chat: recorded pending when the message comes, stored when its download is done.
        var pending = Record("report:2024-05-14", "开幕式.jpg", now, MediaState.Pending);
        await media.AddBatchAsync([pending]);
        await arrival.StoredAsync(pending, new StoredFile("files/开幕式.jpg", "开幕式.jpg", 1200, new string('a', 64), null));

        // The upload page: recorded once stored.
        await arrival.StoredAsync(Record("report:2024-05-13", "技能展示.mp4", now, MediaState.Pending),
            new StoredFile("files/技能展示.mp4", "技能展示.mp4", 5000, new string('b', 64), null));
    }

    private static async Task AssertReceiptsAsync(FormsWorld world)
    {
        var today = await FormSteps.SubmitAsync(world, "日报", "report.submit", _ => FormSteps.ValidReport());
        Assert.Contains("1 张照片：开幕式.jpg", CardJson.AllText(today));
        var monday = await FormSteps.SubmitAsync(world, "日报 5月13日", "report.submit", _ => FormSteps.ValidReport());
        Assert.Contains("1 个视频：技能展示.mp4", CardJson.AllText(monday));
        // Another department's receipt of the same day lists none.
        var other = await FormSteps.SubmitAsync(world, "日报", "report.submit", _ => FormSteps.ValidReport(), OtherLiaison);
        Assert.DoesNotContain("开幕式.jpg", CardJson.AllText(other));
    }

    private static MediaRecord Record(string item, string name, DateTime at, MediaState state) => new()
    {
        WeekId = Week, DepartmentId = "jd", ItemKey = item, FileName = name, OriginalName = name, Kind = MediaKinds.Of(name),
        ReceivedAt = at, FromName = "张伟", BatchId = $"conv|{name}", SourceKey = $"conv|{name}|0", State = state,
        ConversationId = "a:zhang", Locale = "zh-CN",
    };
}
