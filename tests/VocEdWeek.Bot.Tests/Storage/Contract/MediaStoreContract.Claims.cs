using VocEdWeek.Bot.Files;

namespace VocEdWeek.Bot.Tests.Storage.Contract;

/// <summary>Pending downloads and due uploads are held by one instance at a time, until its lease runs out.</summary>
public abstract partial class MediaStoreContract
{
    private static MediaClaim Claim(string owner, DateTime now, TimeSpan? lease = null) => new(owner, now, now + (lease ?? TimeSpan.FromMinutes(10)));

    private MediaRecord Pending(string name, string batch = "b1")
    {
        var record = File(name, Nine, batch: batch, state: MediaState.Pending);
        Store.Add(record);
        return record;
    }

    private MediaRecord Waiting(string name, DateTime receivedAt, DateTime? nextAttempt = null)
    {
        var record = File(name, receivedAt, remote: RemoteState.Waiting);
        record.RemoteNextAttemptAt = nextAttempt;
        Store.Add(record);
        return record;
    }

    [Fact]
    public void A_pending_download_is_held_by_its_claimant_until_the_lease_ends()
    {
        var file = Pending("照片.jpg");

        var held = Store.ClaimDownload(file.Id, Claim("bot-1", Nine))!;
        Assert.Equal(("照片.jpg", "bot-1", (DateTime?)Nine.AddMinutes(10)), (held.FileName, held.ClaimedBy, held.ClaimedUntil));
        Assert.Equal(("bot-1", (DateTime?)Nine.AddMinutes(10)), (Store.Find(file.Id)!.ClaimedBy, Store.Find(file.Id)!.ClaimedUntil));

        // Another instance before the lease ends: refused, and the hold is unchanged.
        Assert.Null(Store.ClaimDownload(file.Id, Claim("bot-2", Nine.AddMinutes(9))));
        Assert.Equal("bot-1", Store.Find(file.Id)!.ClaimedBy);
        // The claimant itself (e.g. restarted under the same name) takes it again at once.
        Assert.Equal("bot-1", Store.ClaimDownload(file.Id, Claim("bot-1", Nine.AddMinutes(1)))!.ClaimedBy);
        // Once the lease has run out, another instance takes it over.
        var taken = Store.ClaimDownload(file.Id, Claim("bot-2", Nine.AddMinutes(11)))!;
        Assert.Equal(("bot-2", (DateTime?)Nine.AddMinutes(21)), (taken.ClaimedBy, taken.ClaimedUntil));
        Assert.Equal("bot-2", Store.Find(file.Id)!.ClaimedBy);
    }

    [Fact]
    public void Only_a_pending_file_can_be_claimed_for_download()
    {
        var stored = File("stored.jpg", Nine);
        Store.Add(stored);
        var refused = File("refused.jpg", Nine, state: MediaState.Refused);
        Store.Add(refused);

        Assert.Null(Store.ClaimDownload(stored.Id, Claim("bot-1", Nine)));
        Assert.Null(Store.ClaimDownload(refused.Id, Claim("bot-1", Nine)));
        Assert.Null(Store.ClaimDownload("no-such-id", Claim("bot-1", Nine)));
        Assert.Null(Store.Find(stored.Id)!.ClaimedBy);
    }

    [Fact]
    public void Uploads_are_claimed_when_due_null_retry_first_then_earliest_retry_then_earliest_received()
    {
        Waiting("retry-at-5.jpg", Nine, Nine.AddMinutes(5));
        Waiting("no-retry-late.jpg", Nine.AddMinutes(2));
        Waiting("retry-at-3.jpg", Nine.AddMinutes(9), Nine.AddMinutes(3));
        Waiting("no-retry-early.jpg", Nine.AddMinutes(1));
        Waiting("not-due.jpg", Nine, Nine.AddHours(1));
        var pending = File("pending.jpg", Nine, state: MediaState.Pending, remote: RemoteState.Waiting);
        Store.Add(pending);
        var uploaded = File("uploaded.jpg", Nine, remote: RemoteState.Uploaded);
        Store.Add(uploaded);

        var order = new List<string>();
        while (Store.ClaimNextUpload(Claim("bot-1", Nine.AddMinutes(10))) is { } record)
        {
            Assert.Equal(("bot-1", (DateTime?)Nine.AddMinutes(20)), (record.ClaimedBy, record.ClaimedUntil));
            order.Add(record.FileName);
            Done(Store, record);
        }

        Assert.Equal(["no-retry-early.jpg", "no-retry-late.jpg", "retry-at-3.jpg", "retry-at-5.jpg"], order);
    }

    [Fact]
    public void An_upload_held_by_another_instance_is_taken_only_after_its_lease()
    {
        var file = Waiting("视频.mp4", Nine);

        Assert.Equal(file.Id, Store.ClaimNextUpload(Claim("bot-1", Nine, TimeSpan.FromHours(1)))!.Id);
        Assert.Null(Store.ClaimNextUpload(Claim("bot-2", Nine.AddMinutes(59))));
        // Its own hold does not stop the claimant (a restarted instance resumes its upload).
        Assert.Equal(file.Id, Store.ClaimNextUpload(Claim("bot-1", Nine.AddMinutes(1)))!.Id);
        var taken = Store.ClaimNextUpload(Claim("bot-2", Nine.AddMinutes(62)))!;
        Assert.Equal((file.Id, "bot-2"), (taken.Id, taken.ClaimedBy));
        Assert.Null(Store.ClaimNextUpload(Claim("bot-1", Nine.AddMinutes(63))));
    }

    [Fact]
    public async Task Two_instances_claiming_the_same_downloads_at_once_share_them_without_overlap()
    {
        var ids = Enumerable.Range(0, 100).Select(i => Pending($"照片{i:D3}.jpg", batch: $"b{i / 5}").Id).ToList();
        var other = OtherInstance();

        // Each walks every file, from opposite ends, so they meet in the middle and race for the same ones.
        var (first, second) = await RaceAsync(
            () => ids.Where(id => Store.ClaimDownload(id, Claim("bot-1", Nine)) is not null).ToList(),
            () => Enumerable.Reverse(ids).Where(id => other.ClaimDownload(id, Claim("bot-2", Nine)) is not null).ToList());

        Assert.Empty(first.Intersect(second));
        Assert.Equal(ids.Order(StringComparer.Ordinal), first.Concat(second).Order(StringComparer.Ordinal));
        Assert.All(first, id => Assert.Equal("bot-1", Store.Find(id)!.ClaimedBy));
        Assert.All(second, id => Assert.Equal("bot-2", Store.Find(id)!.ClaimedBy));
    }

    [Fact]
    public async Task Two_instances_working_the_same_upload_queue_at_once_take_each_file_once()
    {
        var ids = Enumerable.Range(0, 100).Select(i => Waiting($"视频{i:D3}.mp4", Nine.AddSeconds(i)).Id).ToList();
        var other = OtherInstance();

        var (first, second) = await RaceAsync(() => Work(Store, "bot-1"), () => Work(other, "bot-2"));

        Assert.Empty(first.Intersect(second));
        Assert.Equal(ids.Order(StringComparer.Ordinal), first.Concat(second).Order(StringComparer.Ordinal));
        Assert.Equal(0, Store.UploadBacklog().Count);
    }

    /// <summary>What the upload worker does with each file it claims (here: marks it uploaded, letting go of it).</summary>
    private static List<string> Work(IMediaStore store, string owner)
    {
        var taken = new List<string>();
        while (store.ClaimNextUpload(Claim(owner, Nine.AddHours(1))) is { } record)
        {
            taken.Add(record.Id);
            Done(store, record);
        }
        return taken;
    }

    private static void Done(IMediaStore store, MediaRecord record)
    {
        record.Remote = RemoteState.Uploaded;
        record.Release();
        store.Update(record);
    }

    /// <summary>Runs both on threads of their own, released together; their results.</summary>
    private static async Task<(List<string> First, List<string> Second)> RaceAsync(Func<List<string>> first, Func<List<string>> second)
    {
        using var start = new Barrier(2);
        Task<List<string>> Run(Func<List<string>> work) => Task.Factory.StartNew(() =>
        {
            start.SignalAndWait();
            return work();
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var both = await Task.WhenAll(Run(first), Run(second));
        return (both[0], both[1]);
    }
}
