using VocEdWeek.Bot.Files;

namespace VocEdWeek.Bot.Tests.Storage.Contract;

/// <summary>The SharePoint queue as the upload worker, the health check and the file status card read it.</summary>
public abstract partial class MediaStoreContract
{
    private MediaRecord Queued(string name, DateTime receivedAt, RemoteState remote, DateTime? nextAttempt = null,
        MediaState state = MediaState.Stored, DateTime? uploadedAt = null, string week = "2024-wuxi")
    {
        var record = File(name, receivedAt, remote: remote, state: state, week: week);
        record.RemoteNextAttemptAt = nextAttempt;
        record.RemoteUploadedAt = uploadedAt;
        Store.Add(record);
        return record;
    }

    [Fact]
    public void The_queue_lists_by_state()
    {
        Queued("local.jpg", Nine, RemoteState.None);
        Queued("local-pending.jpg", Nine, RemoteState.None, state: MediaState.Pending);
        Queued("waiting-late.jpg", Nine.AddMinutes(3), RemoteState.Waiting, Nine.AddHours(1));
        Queued("failed.jpg", Nine.AddMinutes(1), RemoteState.Failed);
        Queued("waiting.jpg", Nine.AddMinutes(2), RemoteState.Waiting);
        Queued("uploaded.jpg", Nine, RemoteState.Uploaded, uploadedAt: Nine.AddHours(1));
        Queued("refused-waiting.jpg", Nine.AddMinutes(-5), RemoteState.Waiting, state: MediaState.Refused);

        Assert.Equal(["local.jpg"], Store.LocalOnly().Select(r => r.FileName));
        Assert.Equal(["failed.jpg"], Store.RemoteFailed().Select(r => r.FileName));
        Assert.Equal(["refused-waiting.jpg", "failed.jpg", "waiting.jpg", "waiting-late.jpg"], Store.NotUploaded().Select(r => r.FileName));
        // Only stored files are waiting for real: the oldest of them came at Nine + 2 min.
        Assert.Equal((2, (DateTime?)Nine.AddMinutes(2)), Store.UploadBacklog());
        Assert.Equal(1, Store.CountByRemote("2024-wuxi", RemoteState.Uploaded));
        Assert.Equal(2, Store.CountByRemote("2024-wuxi", RemoteState.Waiting));
        Assert.Equal(1, Store.CountByRemote("2024-wuxi", RemoteState.None));
        Assert.Equal(0, Store.CountByRemote("2025-wuxi", RemoteState.Uploaded));
    }

    [Fact]
    public void An_empty_queue_has_no_backlog_and_no_next_time()
    {
        Queued("uploaded.jpg", Nine, RemoteState.Uploaded);

        Assert.Equal((0, (DateTime?)null), Store.UploadBacklog());
        Assert.Null(Store.NextUploadTime("a"));
        Assert.Empty(Store.NotUploaded());
    }

    [Fact]
    public void The_next_upload_time_is_the_earliest_retry_or_at_once_when_one_has_none()
    {
        Queued("later.jpg", Nine, RemoteState.Waiting, Nine.AddMinutes(10));
        Queued("sooner.jpg", Nine, RemoteState.Waiting, Nine.AddMinutes(4));
        Assert.Equal(Nine.AddMinutes(4), Store.NextUploadTime("a"));

        Queued("now.jpg", Nine, RemoteState.Waiting);
        Assert.Equal(DateTime.MinValue, Store.NextUploadTime("a"));
    }

    [Fact]
    public void A_file_another_instance_holds_is_due_when_its_hold_ends_and_its_holders_own_at_once()
    {
        Queued("held.jpg", Nine, RemoteState.Waiting);
        Assert.NotNull(Store.ClaimNextUpload(new MediaClaim("b", Nine, Nine.AddMinutes(5))));
        Queued("later.jpg", Nine, RemoteState.Waiting, Nine.AddMinutes(10));

        // Not "at once" for a: the worker would spin on a file it cannot claim for five minutes.
        Assert.Equal(Nine.AddMinutes(5), Store.NextUploadTime("a"));
        Assert.Equal(DateTime.MinValue, Store.NextUploadTime("b"));
    }

    [Fact]
    public void Recently_uploaded_newest_first_then_the_later_recorded()
    {
        Queued("received-only.jpg", Nine.AddHours(5), RemoteState.Uploaded);
        Queued("one.jpg", Nine, RemoteState.Uploaded, uploadedAt: Nine.AddHours(1));
        Queued("two.jpg", Nine, RemoteState.Uploaded, uploadedAt: Nine.AddHours(3));
        Queued("two-again.jpg", Nine, RemoteState.Uploaded, uploadedAt: Nine.AddHours(3));
        Queued("waiting.jpg", Nine.AddHours(9), RemoteState.Waiting);
        Queued("other-week.jpg", Nine.AddHours(9), RemoteState.Uploaded, uploadedAt: Nine.AddHours(9), week: "2025-wuxi");

        Assert.Equal(["received-only.jpg", "two-again.jpg", "two.jpg", "one.jpg"], Store.RecentlyUploaded("2024-wuxi", 10).Select(r => r.FileName));
        Assert.Equal(["received-only.jpg", "two-again.jpg"], Store.RecentlyUploaded("2024-wuxi", 2).Select(r => r.FileName));
    }
}
