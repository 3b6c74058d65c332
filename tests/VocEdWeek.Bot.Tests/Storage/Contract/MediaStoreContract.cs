using VocEdWeek.Bot.Files;

namespace VocEdWeek.Bot.Tests.Storage.Contract;

/// <summary>
/// What every <see cref="IMediaStore"/> does, whichever database keeps it: one subclass per implementation supplies an
/// empty store (<see cref="LiteDbMediaStoreContract"/>, <see cref="PostgreSqlMediaStoreContract"/>). The SharePoint queue
/// is in MediaStoreContract.Uploads.cs, the claims in MediaStoreContract.Claims.cs.
/// </summary>
public abstract partial class MediaStoreContract
{
    private IMediaStore? _store;

    /// <summary>An empty store, asked for once per test.</summary>
    protected abstract IMediaStore NewStore();

    /// <summary>
    /// A second store over the same database, as another instance of the bot has it (PostgreSQL: its own PgDatabase and
    /// connections); asked for after <see cref="Store"/>.
    /// </summary>
    protected abstract IMediaStore OtherInstance();

    protected IMediaStore Store => _store ??= NewStore();

    internal static readonly DateTime Nine = new(2024, 5, 14, 1, 0, 0, DateTimeKind.Utc);

    internal static MediaRecord File(string name, DateTime receivedAt, string batch = "b1", string department = "jd",
        string item = "report:2024-05-14", MediaState state = MediaState.Stored, RemoteState remote = RemoteState.None, string week = "2024-wuxi") => new()
    {
        WeekId = week, DepartmentId = department, ItemKey = item, FileName = name, OriginalName = name, Kind = MediaKinds.Of(name),
        ReceivedAt = receivedAt, FromName = "张伟", BatchId = batch, SourceKey = $"{batch}|{name}", State = state, Remote = remote,
        ConversationId = "a:zhang", Locale = "zh-CN",
    };

    [Fact]
    public void A_file_comes_back_with_every_field_as_recorded()
    {
        var record = new MediaRecord
        {
            WeekId = "2024-wuxi", DepartmentId = "jd", ItemKey = "report:2024-05-14", FileName = "开幕式 合影(1).jpg",
            OriginalName = "开幕式/合影(1).jpg", Kind = MediaKind.Photo, Size = 3_456_789_012, Sha256 = new string('a', 64),
            Location = "2024年职业教育活动周/机电工程学院/2024-05-14/开幕式 合影(1).jpg", WebUrl = "https://contoso.sharepoint.com/a.jpg",
            ReceivedAt = Nine.AddMilliseconds(250), FromName = "张伟", FromAadObjectId = "aad-zhang", SourceKey = "conv|act|0", BatchId = "conv|act",
            State = MediaState.Refused, RefusedReason = "“开幕式.jpg” 不是照片", DownloadUrl = "https://files.example/x", NeedsBotToken = true,
            DownloadAttempts = 2, BatchOverflow = 5, ConversationId = "a:zhang", Locale = "en-US", Remote = RemoteState.Failed,
            RemoteItemId = "item-1", RemotePath = "职业教育活动周/2024年/机电工程学院/2024-05-14/开幕式.jpg", RemoteAttempts = 3,
            RemoteUploadedAt = Nine.AddHours(1), RemoteNextAttemptAt = Nine.AddHours(2), RemoteError = "refused",
            RemoteErrorDetail = "403 accessDenied", RemoteSessionUrl = "https://graph.example/session/1", LocalDeleted = true,
            ClaimedBy = "bot-2", ClaimedUntil = Nine.AddHours(3),
        };
        Store.Add(record);

        Assert.NotEqual("", record.Id);
        var found = Store.Find(record.Id)!;
        Assert.Equivalent(record, found, strict: true);
        Assert.Equal(DateTimeKind.Utc, found.ReceivedAt.Kind);
        Assert.Equal(DateTimeKind.Utc, found.ClaimedUntil!.Value.Kind);
        Assert.Equivalent(record, Store.FindBySource("conv|act|0"), strict: true);
    }

    [Fact]
    public void Missing_files_are_null()
    {
        Store.Add(File("a.jpg", Nine));

        Assert.Null(Store.Find("no-such-id"));
        Assert.Null(Store.Find(""));
        Assert.Null(Store.FindBySource("nowhere|0"));
        Assert.False(Store.HasBatch("nowhere"));
        Assert.Empty(Store.Batch("nowhere"));
    }

    [Fact]
    public void Every_file_gets_its_own_id()
    {
        var a = File("a.jpg", Nine);
        var b = File("b.jpg", Nine);
        Store.Add(a);
        Store.Add(b);

        Assert.NotEqual(a.Id, b.Id);
        Assert.Equal("b.jpg", Store.Find(b.Id)!.FileName);
    }

    [Fact]
    public void Dates_come_back_as_the_same_instant_in_UTC()
    {
        var local = new DateTime(2024, 5, 14, 9, 30, 15, 250, DateTimeKind.Local);
        var record = File("local.jpg", local);
        record.RemoteNextAttemptAt = local.AddMinutes(1);
        Store.Add(record);

        var found = Store.Find(record.Id)!;
        Assert.Equal((DateTimeKind.Utc, local.ToUniversalTime()), (found.ReceivedAt.Kind, found.ReceivedAt));
        Assert.Equal(local.AddMinutes(1).ToUniversalTime(), found.RemoteNextAttemptAt);
        Assert.Null(found.RemoteUploadedAt);
    }

    [Fact]
    public void Update_overwrites_the_file_with_the_same_id()
    {
        var record = File("视频.mp4", Nine, state: MediaState.Pending);
        record.DownloadUrl = "https://files.example/v";
        Store.Add(record);
        var other = File("other.jpg", Nine);
        Store.Add(other);

        record.State = MediaState.Stored;
        record.DownloadUrl = null;
        record.Size = 42;
        record.Location = "机电工程学院/视频.mp4";
        Store.Update(record);

        var found = Store.Find(record.Id)!;
        Assert.Equal((MediaState.Stored, (string?)null, 42L, "机电工程学院/视频.mp4"), (found.State, found.DownloadUrl, found.Size, found.Location));
        Assert.Equal(MediaState.Stored, Store.Find(other.Id)!.State);
        Assert.Equal(2, Store.ForWeek("2024-wuxi").Count);
    }

    [Fact]
    public void A_batch_is_recorded_whole_and_read_in_the_order_it_was_recorded()
    {
        // One message's files share the instant they came; names chosen so no sort by name or id text gives this order.
        var names = new[] { "照片3.jpg", "b.mp4", "照片1.jpg", "a.docx", "z.png" };
        var batch = names.Select(n => File(n, Nine, batch: "conv|act-1", state: MediaState.Pending)).ToList();
        batch[0].BatchOverflow = 4;
        Store.AddBatch(batch);

        Assert.All(batch, r => Assert.NotEqual("", r.Id));
        Assert.Equal(5, batch.Select(r => r.Id).Distinct().Count());
        Assert.True(Store.HasBatch("conv|act-1"));
        var read = Store.Batch("conv|act-1");
        Assert.Equal(names, read.Select(r => r.FileName));
        Assert.Equal(4, read[0].BatchOverflow);
        Assert.Equal("照片1.jpg", Store.FindBySource("conv|act-1|照片1.jpg")!.FileName);
    }

    [Fact]
    public void A_batch_that_cannot_be_recorded_whole_records_nothing()
    {
        var first = File("一.jpg", Nine, batch: "conv|act-2", state: MediaState.Pending);
        var second = File("二.jpg", Nine, batch: "conv|act-2", state: MediaState.Pending);
        // The same record twice: its second insert collides with its first, after the first two went in.
        Assert.ThrowsAny<Exception>(() => Store.AddBatch([first, second, first]));

        Assert.False(Store.HasBatch("conv|act-2"));
        Assert.Empty(Store.Batch("conv|act-2"));
        Assert.Empty(Store.ForWeek("2024-wuxi"));
        Assert.Empty(Store.PendingBatches());
    }

    [Fact]
    public void Batches_earlier_within_a_batch_come_first_by_time_then_by_recording()
    {
        Store.Add(File("late.jpg", Nine.AddMinutes(2), batch: "upload|s1"));
        Store.Add(File("early.jpg", Nine, batch: "upload|s1"));
        Store.Add(File("same-time-second.jpg", Nine.AddMinutes(2), batch: "upload|s1"));

        Assert.Equal(["early.jpg", "late.jpg", "same-time-second.jpg"], Store.Batch("upload|s1").Select(r => r.FileName));
    }

    [Fact]
    public void Pending_batches_are_those_with_a_file_still_to_fetch_each_once()
    {
        Store.AddBatch([File("a.jpg", Nine, batch: "p1", state: MediaState.Pending), File("b.jpg", Nine, batch: "p1", state: MediaState.Pending)]);
        Store.AddBatch([File("c.jpg", Nine, batch: "p2", state: MediaState.Stored), File("d.jpg", Nine, batch: "p2", state: MediaState.Pending)]);
        Store.AddBatch([File("e.jpg", Nine, batch: "done", state: MediaState.Stored), File("f.jpg", Nine, batch: "done", state: MediaState.Refused)]);

        Assert.Equal(["p1", "p2"], Store.PendingBatches().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Batches_since_match_the_prefix_and_the_time_each_once()
    {
        Store.Add(File("old.jpg", Nine.AddDays(-2), batch: "upload|old"));
        Store.Add(File("a.jpg", Nine, batch: "upload|s1"));
        Store.Add(File("b.jpg", Nine.AddMinutes(1), batch: "upload|s1"));
        Store.Add(File("c.jpg", Nine.AddMinutes(-1), batch: "upload|s2"));
        Store.Add(File("chat.jpg", Nine, batch: "conv|act"));
        Store.Add(File("mixed-old.jpg", Nine.AddDays(-3), batch: "upload|s3"));
        Store.Add(File("mixed-new.jpg", Nine.AddMinutes(5), batch: "upload|s3"));

        Assert.Equal(["upload|s1", "upload|s3"], Store.BatchesSince("upload|", Nine).Order(StringComparer.Ordinal));
        Assert.Equal(["upload|s1", "upload|s2", "upload|s3"], Store.BatchesSince("upload|", Nine.AddHours(-1)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Files_of_an_item_a_department_and_a_week_in_the_order_they_came()
    {
        Store.Add(File("second.jpg", Nine.AddMinutes(5)));
        Store.Add(File("first.jpg", Nine));
        Store.Add(File("pending.jpg", Nine.AddMinutes(1), state: MediaState.Pending));
        Store.Add(File("refused.jpg", Nine.AddMinutes(2), state: MediaState.Refused));
        Store.Add(File("plan.docx", Nine.AddMinutes(3), item: "plan"));
        Store.Add(File("other-dept.jpg", Nine, department: "cj"));
        Store.Add(File("other-week.jpg", Nine, week: "2025-wuxi"));

        Assert.Equal(["first.jpg", "pending.jpg", "refused.jpg", "second.jpg"],
            Store.ForItem("2024-wuxi", "jd", "report:2024-05-14").Select(r => r.FileName));
        Assert.Equal(["first.jpg", "second.jpg"], Store.StoredForItem("2024-wuxi", "jd", "report:2024-05-14").Select(r => r.FileName));
        Assert.Equal(["first.jpg", "pending.jpg", "refused.jpg", "plan.docx", "second.jpg"],
            Store.OfDepartment("2024-wuxi", "jd").Select(r => r.FileName));
        Assert.Equal(["other-dept.jpg"], Store.OfDepartment("2024-wuxi", "cj").Select(r => r.FileName));
        Assert.Equal(6, Store.ForWeek("2024-wuxi").Count);
        Assert.Equal(["other-week.jpg"], Store.ForWeek("2025-wuxi").Select(r => r.FileName));
        Assert.Empty(Store.ForItem("2024-wuxi", "jd", "summary"));
    }
}
