using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Tests.Fakes;
using static VocEdWeek.Bot.Tests.Files.SharePoint.SharePointHarness;

namespace VocEdWeek.Bot.Tests.Files.SharePoint;

/// <summary>The store against a stateful fake Graph over real HTTP: layout, one PUT, sessions, conflicts, names.</summary>
public sealed class SharePointUploadTests : IAsyncLifetime
{
    private const int Chunk = 320 * 1024;
    private const string Folder = "职业教育活动周/2024年无锡职业教育活动周/机电工程学院/2024-05-14";
    private FakeGraph _graph = null!;

    public async Task InitializeAsync() => _graph = await FakeGraph.StartAsync();

    public async Task DisposeAsync() => await _graph.DisposeAsync();

    [Fact]
    public async Task A_small_file_goes_up_in_one_put_below_the_root_folder()
    {
        var content = Bytes(10_000);
        var checkpoint = new MemoryCheckpoint();

        var file = await Store(_graph).UploadAsync(Upload("开幕式 现场.jpg", content), OpenAt(content), checkpoint, default);

        var path = $"{Folder}/开幕式 现场.jpg";
        Assert.Equal(path, file.Path);
        Assert.Equal("开幕式 现场.jpg", file.Name);
        var stored = _graph.Files[path];
        Assert.Equal(stored.Id, file.ItemId);
        Assert.Equal(stored.WebUrl, file.WebUrl);
        Assert.Equal(content, stored.Content);
        var put = Assert.Single(_graph.Requests, r => r.Kind == "put");
        Assert.Equal("PUT", put.Method);
        Assert.Equal(10_000, put.ContentLength);
        Assert.Equal("@microsoft.graph.conflictBehavior=fail", put.Query);
        // Escaped on the wire (UTF-8, space as %20), one segment at a time, slashes kept.
        Assert.StartsWith($"/v1.0/drives/{Uri.EscapeDataString(FakeGraph.DriveId)}/root:/%E8%81%8C%E4%B8%9A", put.RawTarget, StringComparison.Ordinal);
        Assert.EndsWith("/%E5%BC%80%E5%B9%95%E5%BC%8F%20%E7%8E%B0%E5%9C%BA.jpg:/content", put.RawTarget, StringComparison.Ordinal);
        Assert.DoesNotContain(_graph.Requests, r => r.Kind is "create" or "chunk");
        Assert.Empty(checkpoint.Saves);
    }

    [Fact]
    public async Task A_large_file_goes_through_a_session_in_exact_320_KiB_ranges()
    {
        var content = Bytes(3 * Chunk + 12_345, 2);
        var checkpoint = new MemoryCheckpoint();

        var file = await Store(_graph).UploadAsync(Upload("闭幕式.mp4", content), OpenAt(content), checkpoint, default);

        Assert.Equal(content, _graph.Files[$"{Folder}/闭幕式.mp4"].Content);
        Assert.Equal("闭幕式.mp4", file.Name);
        var chunks = _graph.Requests.Where(r => r.Kind == "chunk").ToList();
        Assert.Equal(
            ["bytes 0-327679/995385", "bytes 327680-655359/995385", "bytes 655360-983039/995385", "bytes 983040-995384/995385"],
            chunks.Select(c => c.ContentRange));
        Assert.Equal([Chunk, Chunk, Chunk, 12_345L], chunks.Select(c => c.ContentLength ?? -1));
        Assert.Equal([202, 202, 202, 201], chunks.Select(c => c.Status));
        Assert.All(chunks, c => Assert.Null(c.Authorization));
        var create = Assert.Single(_graph.Requests, r => r.Kind == "create");
        // The session URL is saved as soon as it exists, and forgotten once the file is complete.
        Assert.Equal(2, checkpoint.Saves.Count);
        Assert.StartsWith(_graph.Root + "/upload/", checkpoint.Saves[0], StringComparison.Ordinal);
        Assert.Null(checkpoint.Saves[1]);
        Assert.Equal(0, _graph.OpenSessions);
        Assert.Equal(Folder + "/闭幕式.mp4", create.ItemPath);
    }

    [Fact]
    public async Task A_crashed_session_is_resumed_from_the_next_expected_range_by_a_new_store()
    {
        var content = Bytes(6 * Chunk + 1000, 3);
        var checkpoint = new MemoryCheckpoint();
        using var crash = new CancellationTokenSource();
        // The process "stops" right after the server stored the third chunk, before its answer arrives.
        _graph.OnStored = r => { if (r.Kind == "chunk" && r.ContentRange!.StartsWith($"bytes {2 * Chunk}-", StringComparison.Ordinal)) crash.Cancel(); };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Store(_graph).UploadAsync(Upload("crash.mp4", content), OpenAt(content), checkpoint, crash.Token));
        _graph.OnStored = null;
        Assert.NotNull(checkpoint.SessionUrl);
        Assert.Empty(_graph.Files);

        var opened = new List<long>();
        var file = await Store(_graph).UploadAsync(Upload("crash.mp4", content), OpenAt(content, opened), checkpoint, default);

        Assert.Equal(content, _graph.Files[$"{Folder}/crash.mp4"].Content);
        Assert.Equal("crash.mp4", file.Name);
        Assert.Equal([3L * Chunk], opened);
        Assert.Single(_graph.Requests, r => r.Kind == "create");
        Assert.Single(_graph.Requests, r => r.Kind == "status");
        var ranges = _graph.Requests.Where(r => r.Kind == "chunk").Select(r => r.ContentRange).ToList();
        Assert.Equal(7, ranges.Count);
        Assert.Equal(ranges.Count, ranges.Distinct().Count());
        Assert.Null(checkpoint.SessionUrl);
    }

    [Fact]
    public async Task An_expired_session_starts_again_from_zero()
    {
        var content = Bytes(3 * Chunk + 10, 4);
        var checkpoint = new MemoryCheckpoint();
        using var crash = new CancellationTokenSource();
        _graph.OnStored = r => { if (r.Kind == "chunk") crash.Cancel(); };
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Store(_graph).UploadAsync(Upload("old.mp4", content), OpenAt(content), checkpoint, crash.Token));
        _graph.OnStored = null;
        var first = checkpoint.SessionUrl;
        _graph.ExpireSessions();

        var opened = new List<long>();
        await Store(_graph).UploadAsync(Upload("old.mp4", content), OpenAt(content, opened), checkpoint, default);

        Assert.Equal(content, _graph.Files[$"{Folder}/old.mp4"].Content);
        Assert.Equal([0L], opened);
        Assert.Equal(2, _graph.Requests.Count(r => r.Kind == "create"));
        Assert.NotEqual(first, checkpoint.Saves[^2]);
    }

    [Fact]
    public async Task A_taken_name_is_numbered_and_the_other_file_is_left_alone()
    {
        var theirs = _graph.Seed($"{Folder}/a.jpg", Bytes(500, 9));
        var mine = Bytes(700, 10);

        var file = await Store(_graph).UploadAsync(Upload("a.jpg", mine), OpenAt(mine), new MemoryCheckpoint(), default);

        Assert.Equal("a (2).jpg", file.Name);
        Assert.Equal($"{Folder}/a (2).jpg", file.Path);
        Assert.Equal(mine, _graph.Files[$"{Folder}/a (2).jpg"].Content);
        Assert.Equal(theirs.Content, _graph.Files[$"{Folder}/a.jpg"].Content);
        Assert.Equal(theirs.Id, _graph.Files[$"{Folder}/a.jpg"].Id);
    }

    [Fact]
    public async Task A_taken_name_for_a_session_upload_is_numbered_too()
    {
        _graph.Seed($"{Folder}/v.mp4", Bytes(100, 1));
        _graph.Seed($"{Folder}/v (2).mp4", Bytes(100, 2));
        var mine = Bytes(2 * Chunk + 5, 11);

        var file = await Store(_graph).UploadAsync(Upload("v.mp4", mine), OpenAt(mine), new MemoryCheckpoint(), default);

        Assert.Equal("v (3).mp4", file.Name);
        Assert.Equal(mine, _graph.Files[$"{Folder}/v (3).mp4"].Content);
        Assert.Equal(3, _graph.Files.Count);
    }

    [Fact]
    public async Task A_small_file_retried_after_a_lost_answer_is_not_stored_twice()
    {
        var content = Bytes(3000, 12);
        _graph.DropNextStoreResponse();

        var file = await Store(_graph).UploadAsync(Upload("a.jpg", content), OpenAt(content), new MemoryCheckpoint(), default);

        var only = Assert.Single(_graph.Files);
        Assert.Equal($"{Folder}/a.jpg", only.Key);
        Assert.Equal(only.Value.Id, file.ItemId);
        Assert.Equal("a.jpg", file.Name);
        Assert.Equal(2, _graph.Requests.Count(r => r.Kind == "put"));
    }

    [Fact]
    public async Task A_session_whose_last_answer_was_lost_is_not_stored_twice()
    {
        var content = Bytes(2 * Chunk + 77, 13);
        _graph.DropNextStoreResponse(r => r.Completes);
        var checkpoint = new MemoryCheckpoint();

        var file = await Store(_graph).UploadAsync(Upload("b.mp4", content), OpenAt(content), checkpoint, default);

        var only = Assert.Single(_graph.Files);
        Assert.Equal($"{Folder}/b.mp4", only.Key);
        Assert.Equal(content, only.Value.Content);
        Assert.Equal(only.Value.Id, file.ItemId);
        Assert.Equal(3, _graph.Requests.Count(r => r.Kind == "chunk"));
        Assert.Null(checkpoint.SessionUrl);
    }

    [Fact]
    public async Task The_same_name_with_other_bytes_of_the_same_size_is_still_numbered()
    {
        var theirs = Bytes(4000, 20);
        var mine = Bytes(4000, 21);
        _graph.Seed($"{Folder}/same.jpg", theirs);

        var file = await Store(_graph).UploadAsync(Upload("same.jpg", mine), OpenAt(mine), new MemoryCheckpoint(), default);

        Assert.Equal("same (2).jpg", file.Name);
        Assert.Equal(theirs, _graph.Files[$"{Folder}/same.jpg"].Content);
    }

    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("报告:最终#版%.docx", "报告_最终_版_.docx")]
    [InlineData("🎉庆祝🎉.JPG", "庆祝.jpg")]
    [InlineData(" .. 现场 .jpg. ", "现场 .jpg")]
    [InlineData("_vti_bin.png", "_vti-bin.png")]
    [InlineData("desktop.ini", "file.ini")]
    public async Task Hostile_names_are_cleaned_before_they_reach_SharePoint(string name, string expected)
    {
        var content = Bytes(100, 30);

        var file = await Store(_graph).UploadAsync(
            new RemoteUpload(["../周:标题#1", "..", "机电 🎓 学院"], name, content.Length), OpenAt(content), new MemoryCheckpoint(), default);

        Assert.Equal(expected, file.Name);
        Assert.Equal($"职业教育活动周/周_标题_1/_/机电 学院/{expected}", file.Path);
        Assert.True(_graph.Files.ContainsKey(file.Path));
    }

    [Fact]
    public async Task A_very_long_name_is_shortened_with_its_extension_kept()
    {
        var content = Bytes(100, 31);
        var longFolder = new string('部', 150);

        var file = await Store(_graph).UploadAsync(
            new RemoteUpload([new string('周', 150), longFolder, "2024-05-14"], new string('长', 300) + ".mp4", content.Length), OpenAt(content), new MemoryCheckpoint(), default);

        Assert.EndsWith(".mp4", file.Name, StringComparison.Ordinal);
        Assert.True(file.Path.Length <= 400, file.Path.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(_graph.Files.ContainsKey(file.Path));
    }

    [Fact]
    public async Task Content_and_thumbnails_are_read_back_by_item_id()
    {
        var photo = Bytes(20_000, 40);
        var doc = Bytes(2_000, 41);
        var store = Store(_graph);
        var a = await store.UploadAsync(Upload("a.jpg", photo), OpenAt(photo), new MemoryCheckpoint(), default);
        var b = await store.UploadAsync(Upload("b.docx", doc), OpenAt(doc), new MemoryCheckpoint(), default);

        await using (var read = await store.OpenReadAsync(a.ItemId, default))
        using (var copy = new MemoryStream())
        {
            await read.CopyToAsync(copy);
            Assert.Equal(photo, copy.ToArray());
        }
        await using (var thumb = await store.OpenThumbnailAsync(a.ItemId, default))
        using (var copy = new MemoryStream())
        {
            Assert.NotNull(thumb);
            await thumb.CopyToAsync(copy);
            Assert.Equal(FakeGraph.Thumbnail(_graph.Files[a.Path]), copy.ToArray());
        }
        Assert.Null(await store.OpenThumbnailAsync(b.ItemId, default));
        var missing = await Assert.ThrowsAsync<RemoteStoreException>(() => store.OpenReadAsync("no-such-item", default));
        Assert.Equal(RemoteFailure.Permanent, missing.Failure);
        // The pre-authorised download URL gets no token (the redirect drops it).
        var downloads = _graph.Requests.Where(r => r.Target.StartsWith("/_download/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(downloads);
        Assert.All(downloads, r => Assert.Null(r.Authorization));
    }

    [Fact]
    public async Task The_site_and_its_library_are_found_once_by_host_and_path()
    {
        var store = Store(_graph, new()
        {
            ["SharePoint:SiteId"] = null,
            ["SharePoint:DriveId"] = null,
            ["SharePoint:SiteHostName"] = FakeGraph.SiteHostName,
            ["SharePoint:SitePath"] = "/" + FakeGraph.SitePath,
        });
        var content = Bytes(100, 50);

        await store.UploadAsync(Upload("1.jpg", content), OpenAt(content), new MemoryCheckpoint(), default);
        await store.UploadAsync(Upload("2.jpg", content), OpenAt(content), new MemoryCheckpoint(), default);

        Assert.Single(_graph.Requests, r => r.Target == $"/v1.0/sites/{FakeGraph.SiteHostName}:/{FakeGraph.SitePath}");
        Assert.Single(_graph.Requests, r => r.Target == $"/v1.0/sites/{FakeGraph.SiteId}/drive");
        Assert.Equal(2, _graph.Requests.Count(r => r.Kind == "put" && r.Target.StartsWith($"/v1.0/drives/{FakeGraph.DriveId}/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_library_can_be_chosen_by_name()
    {
        var store = Store(_graph, new() { ["SharePoint:DriveId"] = null, ["SharePoint:DriveName"] = FakeGraph.SecondDriveName, ["SharePoint:RootFolder"] = "活动周/上传" });
        var content = Bytes(100, 51);

        var file = await store.UploadAsync(Upload("1.jpg", content), OpenAt(content), new MemoryCheckpoint(), default);

        Assert.Equal("活动周/上传/2024年无锡职业教育活动周/机电工程学院/2024-05-14/1.jpg", file.Path);
        Assert.Single(_graph.Requests, r => r.Kind == "put" && r.Target.StartsWith($"/v1.0/drives/{FakeGraph.SecondDriveId}/", StringComparison.Ordinal));
    }
}
