using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using VocEdWeek.Bot.Features.FileStatus;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Files.Publishing;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Tests.Features.Forms;
using VocEdWeek.Bot.Tests.Files.SharePoint;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Tests.Files.Publishing;

/// <summary>
/// SharePoint (a fake Graph on 127.0.0.1) is down for a stretch while liaisons keep sending files; the bot
/// restarts in between (same LiteDB file and local store). Afterwards every file is in SharePoint exactly once.
/// </summary>
public sealed class SharePointOutageTests : IAsyncLifetime
{
    private readonly TempDir _dir = new();
    private readonly FakeTimeProvider _clock = new(FormsWorld.Beijing(2024, 5, 14, 10, 0));
    // Asked once: every run of the bot (a restart) is on the same database, as on the same LiteDB file.
    private readonly Dictionary<string, string?> _database = TestStorage.Settings();
    private FakeGraph _graph = null!;

    public async Task InitializeAsync() => _graph = await FakeGraph.StartAsync();

    public async Task DisposeAsync()
    {
        await _graph.DisposeAsync();
        _dir.Dispose();
    }

    /// <summary>One run of the bot's services on the shared storage folder; disposing it is a stop.</summary>
    private ServiceProvider Start()
    {
        var settings = SharePointHarness.Config(_graph, new()
        {
            ["Storage:Directory"] = _dir.Path,
            ["Week:DefinitionFile"] = Path.Combine(AppContext.BaseDirectory, "Weeks", "Samples", "2024-wuxi.json"),
            // One try per round: the waiting between rounds is the queue's, on the fake clock.
            ["SharePoint:MaxAttempts"] = "1",
            ["SharePoint:QueueRetryBaseDelay"] = "00:00:30",
            ["SharePoint:QueueRetryMaxDelay"] = "00:05:00",
        });
        foreach (var (key, value) in _database) settings[key] = value;
        return AppServices.Build(settings, _clock, new RecordingMessenger());
    }

    private static async Task<MediaRecord> ReceiveAsync(ServiceProvider sp, string department, string day, string name, byte[] content)
    {
        var record = new MediaRecord
        {
            WeekId = "2024-wuxi", DepartmentId = department, ItemKey = $"report:{day}", OriginalName = name,
            FileName = FileNameCleaner.Clean(name), Kind = MediaKinds.Of(name), ReceivedAt = DateTime.UtcNow,
            FromName = "张伟", BatchId = Guid.NewGuid().ToString("N"), Locale = "zh-CN",
        };
        var folder = FileIntakeWorker.FolderOf(record, sp.GetRequiredService<WeekCatalog>());
        var stored = await sp.GetRequiredService<IFileStore>().SaveAsync(folder, record.FileName, new MemoryStream(content), CancellationToken.None);
        await sp.GetRequiredService<MediaArrival>().StoredAsync(record, stored);
        return record;
    }

    [Fact]
    public async Task Every_file_arrives_once_after_an_outage_and_a_restart_in_between()
    {
        var files = new (string Department, string Day, string Name, byte[] Content)[]
        {
            ("jd", "2024-05-14", "开幕式.jpg", SharePointHarness.Bytes(40_000, 1)),
            ("jd", "2024-05-14", "实训中心开放日.mp4", SharePointHarness.Bytes(900_000, 2)),   // an upload session (3 chunks)
            ("xx", "2024-05-14", "开幕式.jpg", SharePointHarness.Bytes(50_000, 3)),            // same name, another department
            ("xx", "2024-05-13", "校企签约.png", SharePointHarness.Bytes(20_000, 4)),
            ("jg", "2024-05-14", "技能展示.jpg", SharePointHarness.Bytes(700_000, 5)),          // session
            ("jg", "2024-05-14", "技能展示.jpg", SharePointHarness.Bytes(30_000, 6)),           // same name, same folder: renamed
        };
        _graph.Down = true;

        // Before the restart: four files come in while SharePoint is down; they wait with a reason.
        await using (var sp = Start())
        {
            foreach (var f in files.Take(4)) await ReceiveAsync(sp, f.Department, f.Day, f.Name, f.Content);
            var worker = sp.GetRequiredService<RemoteUploadWorker>();
            Assert.Equal(0, await worker.RunDueAsync(CancellationToken.None));
            _clock.Advance(TimeSpan.FromMinutes(10));
            Assert.Equal(0, await worker.RunDueAsync(CancellationToken.None));
            var waiting = sp.GetRequiredService<IMediaStore>().NotUploaded();
            Assert.Equal(4, waiting.Count);
            Assert.All(waiting, r => Assert.Equal((RemoteState.Waiting, UploadReason.Unavailable), (r.Remote, r.RemoteError)));
            Assert.All(waiting, r => Assert.True(r.RemoteAttempts >= 2));
            var card = CardJson.Show(sp.GetRequiredService<FileStatusCard>().Render(sp.GetRequiredService<WeekCatalog>().Active!, _clock.GetUtcNow(), Strings.For("zh-CN")));
            Assert.Contains("等待上传 4 个", card);
            Assert.Contains("SharePoint 不可用，将于 5月14日", card);
        }
        Assert.Empty(_graph.Files);

        // After the restart: two more files; SharePoint comes back half-way through a session upload.
        await using (var sp = Start())
        {
            foreach (var f in files.Skip(4)) await ReceiveAsync(sp, f.Department, f.Day, f.Name, f.Content);
            var worker = sp.GetRequiredService<RemoteUploadWorker>();
            _graph.Down = false;
            var chunks = 0;
            // SharePoint falls over again after the first chunk of the first session.
            _graph.OnStored = r => { if (r.Method == "PUT" && r.Target.Contains("upload", StringComparison.OrdinalIgnoreCase) && ++chunks == 1) _graph.Down = true; };
            for (var round = 0; round < 20 && sp.GetRequiredService<IMediaStore>().NotUploaded().Count > 0; round++)
            {
                await worker.RunDueAsync(CancellationToken.None);
                _graph.Down = false;
                _clock.Advance(TimeSpan.FromMinutes(6));
            }
            Assert.Empty(sp.GetRequiredService<IMediaStore>().NotUploaded());
        }

        // Each file once, at its path, byte for byte; the local copies are gone.
        var root = "职业教育活动周/2024年职业教育活动周";
        var expected = new Dictionary<string, byte[]>
        {
            [$"{root}/机电工程学院/2024-05-14/开幕式.jpg"] = files[0].Content,
            [$"{root}/机电工程学院/2024-05-14/实训中心开放日.mp4"] = files[1].Content,
            [$"{root}/信息工程学院/2024-05-14/开幕式.jpg"] = files[2].Content,
            [$"{root}/信息工程学院/2024-05-13/校企签约.png"] = files[3].Content,
            [$"{root}/经济管理学院/2024-05-14/技能展示.jpg"] = files[4].Content,
            [$"{root}/经济管理学院/2024-05-14/技能展示 (2).jpg"] = files[5].Content,
        };
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), _graph.Files.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, content) in expected) Assert.Equal(content, _graph.Files[path].Content);
        await using (var sp = Start())
        {
            var records = sp.GetRequiredService<IMediaStore>().ForWeek("2024-wuxi");
            Assert.Equal(expected.Count, records.Count);
            Assert.All(records, r => Assert.Equal(RemoteState.Uploaded, r.Remote));
            Assert.All(records, r => Assert.StartsWith("https://", r.WebUrl));
            Assert.All(records, r => Assert.True(r.LocalDeleted));
            Assert.Empty(Directory.EnumerateFiles(Path.Combine(_dir.Path, "files"), "*", SearchOption.AllDirectories));
        }
    }
}
