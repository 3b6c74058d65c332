using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Operations.Backup;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Tests.Features.Forms;
using VocEdWeek.Bot.Tests.Features.UploadPage;

namespace VocEdWeek.Bot.Tests.Operations;

/// <summary>
/// <c>backup</c> against the real bot on a real socket while three liaisons keep submitting daily reports through
/// POST /api/messages, then <c>restore</c> into an empty folder and a new bot on it: every report acknowledged before
/// the backup began is there, and so are the files sent through the upload page, byte for byte. These back up the LiteDB
/// file, so they run on LiteDB under either VOCEDWEEK_TEST_STORAGE (PostgreSQL's answers: PostgreSqlBackupTests).
/// </summary>
public sealed class BackupRestoreTests
{
    private static readonly string[] Liaisons = [UploadWorld.LiaisonAad, UploadWorld.OtherLiaisonAad, "11a150a0-0000-4000-8000-000000000005"];
    private static readonly Dictionary<string, string> DepartmentOf = new()
    {
        [UploadWorld.LiaisonAad] = "jd", [UploadWorld.OtherLiaisonAad] = "xx", ["11a150a0-0000-4000-8000-000000000005"] = "sj",
    };

    [Fact]
    public async Task Backup_while_reports_come_in_restores_every_acknowledged_report_and_every_file()
    {
        using var scratch = new TempDir();
        var backup = Path.Combine(scratch.Path, "backup");
        var restored = Path.Combine(scratch.Path, "restored");
        var photo = MediaBytes.Jpeg(300_000);
        var video = MediaBytes.Mp4(900_000);
        var acked = new ConcurrentQueue<(string Department, string Marker)>();
        IReadOnlyList<(string Department, string Marker)> ackedBeforeBackup;
        var output = new StringWriter();

        await using (var world = await UploadWorld.StartAsync(TestStorage.LiteDb()))
        {
            var token = UploadHttp.Token(await world.LinkAsync());
            Assert.Equal(HttpStatusCode.OK, (await UploadHttp.PostFileAsync(world.Http, token, "开幕式.jpg", UploadHttp.Bytes(photo))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await UploadHttp.PostFileAsync(world.Http, token, "实训.mp4", UploadHttp.Bytes(video))).StatusCode);
            await UploadHttp.DoneAsync(world.Http, token);

            using var stop = new CancellationTokenSource();
            var enoughAfter = int.MaxValue;
            var moreAfterBackup = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var warmedUp = Liaisons.ToDictionary(a => a, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            var submitters = Liaisons.Select(aad => Task.Run(async () =>
            {
                for (var n = 1; !stop.IsCancellationRequested; n++)
                {
                    var marker = $"备份演练 {DepartmentOf[aad]} 第{n}版";
                    await SubmitReportAsync(world, aad, marker);
                    acked.Enqueue((DepartmentOf[aad], marker));
                    if (acked.Count >= Volatile.Read(ref enoughAfter)) moreAfterBackup.TrySetResult();
                    if (n == 3) warmedUp[aad].SetResult();
                }
            })).ToList();

            await UnlessOneFailsAsync(Task.WhenAll(warmedUp.Values.Select(t => t.Task)), submitters);
            ackedBeforeBackup = [.. acked];
            await BackupCommand.RunAsync(new StorageOptions { Directory = world.DataDirectory }, backup, output, CancellationToken.None);
            // The bot keeps taking reports after the snapshot: its locks were let go.
            Volatile.Write(ref enoughAfter, acked.Count + Liaisons.Length);
            if (acked.Count >= enoughAfter) moreAfterBackup.TrySetResult();
            await UnlessOneFailsAsync(moreAfterBackup.Task, submitters);
            await stop.CancelAsync();
            await Task.WhenAll(submitters);
            Assert.True(ackedBeforeBackup.Count >= 3 * Liaisons.Length);
        }

        Assert.Contains("snapshot taken by the running bot", output.ToString());
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(backup, BackupManifest.FileName)))!;
        var files = manifest["files"]!.AsArray().Select(f => (string)f!["path"]!).ToList();
        Assert.Contains(files, f => f.StartsWith("files/", StringComparison.Ordinal) && f.EndsWith("开幕式.jpg", StringComparison.Ordinal));
        Assert.Contains("link-signing.key", files);
        Assert.DoesNotContain(files, f => f.EndsWith(".db", StringComparison.Ordinal) || f == ControlFile.FileName);

        var restoreOutput = new StringWriter();
        await RestoreCommand.RunAsync(new StorageOptions { Directory = restored }, backup, restoreOutput, CancellationToken.None);
        Assert.Contains("Backup verified", restoreOutput.ToString());

        await using var bot = new BotApp(TestStorage.LiteDb(new() { ["Storage:Directory"] = restored }));
        using var http = bot.CreateClient();
        var ready = JsonNode.Parse(await http.GetStringAsync("/healthz/ready"))!;
        Assert.Equal("Healthy", (string?)ready["checks"]!.AsArray().Single(c => (string?)c!["name"] == "database")!["status"]);

        var submissions = bot.Services.GetRequiredService<ISubmissionStore>();
        foreach (var (department, marker) in ackedBeforeBackup)
        {
            var history = submissions.History("2024-wuxi", department, "report:2024-05-14");
            Assert.Contains(history, s => JsonDocument.Parse(s.Data).RootElement.GetProperty("typicalCase").GetString() == marker);
        }
        var media = bot.Services.GetRequiredService<IMediaStore>().ForWeek("2024-wuxi").Where(m => m.State == MediaState.Stored).ToList();
        Assert.Equal(2, media.Count);
        var store = bot.Services.GetRequiredService<IFileStore>();
        foreach (var (record, bytes) in new[] { (media.Single(m => m.OriginalName == "开幕式.jpg"), photo), (media.Single(m => m.OriginalName == "实训.mp4"), video) })
        {
            using var copy = new MemoryStream();
            await using (var read = store.OpenRead(record.Location)) await read.CopyToAsync(copy);
            Assert.Equal(bytes, copy.ToArray());
        }
    }

    [Fact]
    public async Task Restore_refuses_a_folder_that_is_not_empty_and_a_damaged_backup()
    {
        using var scratch = new TempDir();
        var backup = Path.Combine(scratch.Path, "backup");
        var data = new StorageOptions { Directory = Path.Combine(scratch.Path, "data") };
        var bot = new BotApp(TestStorage.LiteDb(new() { ["Storage:Directory"] = data.Directory }));
        BotDatabase database;
        using (var http = bot.CreateClient())
        {
            database = bot.Services.GetRequiredService<BotDatabase>();
            Assert.Equal("ok", await http.GetStringAsync("/healthz"));
            // The in-memory test host listens nowhere: no operations.json, and the bot holds the file, so the command says so.
            var busy = await Assert.ThrowsAsync<BackupException>(() => BackupCommand.RunAsync(data, backup, TextWriter.Null, CancellationToken.None));
            Assert.Contains("in use by a bot", busy.Message);
            Directory.Delete(backup, recursive: true);
        }
        await bot.DisposeAsync();
        // The minimal host disposes its services on the app's own thread, which may still be closing the file.
        await database.Closed;
        // Stopped: the command opens the file itself.
        var output = new StringWriter();
        await BackupCommand.RunAsync(data, backup, output, CancellationToken.None);
        Assert.Contains("no bot running", output.ToString());

        var occupied = Path.Combine(scratch.Path, "occupied");
        Directory.CreateDirectory(occupied);
        await File.WriteAllTextAsync(Path.Combine(occupied, "keep.txt"), "live data");
        var notEmpty = await Assert.ThrowsAsync<BackupException>(() => RestoreCommand.RunAsync(new StorageOptions { Directory = occupied }, backup, TextWriter.Null, CancellationToken.None));
        Assert.Contains("Storage:Directory", notEmpty.Message);
        Assert.Equal(["keep.txt"], Directory.EnumerateFileSystemEntries(occupied).Select(Path.GetFileName));

        var key = Path.Combine(backup, "link-signing.key");
        await File.AppendAllTextAsync(key, "x");
        var damaged = await Assert.ThrowsAsync<BackupException>(() => RestoreCommand.RunAsync(new StorageOptions { Directory = Path.Combine(scratch.Path, "fresh") }, backup, TextWriter.Null, CancellationToken.None));
        Assert.Contains("link-signing.key", damaged.Message);
        Assert.False(Directory.Exists(Path.Combine(scratch.Path, "fresh")));
    }

    [Fact]
    public async Task The_backup_endpoint_answers_only_with_the_key_and_never_through_a_proxy()
    {
        await using var world = await UploadWorld.StartAsync(TestStorage.LiteDb());
        var control = ControlFile.TryRead(new StorageOptions { Directory = world.DataDirectory });
        Assert.NotNull(control);
        Assert.Equal(world.BaseUrl, control.Url);

        using var noKey = new HttpRequestMessage(HttpMethod.Post, BackupEndpoint.Path);
        Assert.Equal(HttpStatusCode.NotFound, (await world.Http.SendAsync(noKey)).StatusCode);
        using var wrongKey = new HttpRequestMessage(HttpMethod.Post, BackupEndpoint.Path) { Headers = { { "Authorization", "Bearer " + new string('A', 44) } } };
        Assert.Equal(HttpStatusCode.NotFound, (await world.Http.SendAsync(wrongKey)).StatusCode);
        using var proxied = new HttpRequestMessage(HttpMethod.Post, BackupEndpoint.Path) { Headers = { { "Authorization", "Bearer " + control.Key }, { "X-Forwarded-For", "203.0.113.9" } } };
        Assert.Equal(HttpStatusCode.NotFound, (await world.Http.SendAsync(proxied)).StatusCode);
        using var right = new HttpRequestMessage(HttpMethod.Post, BackupEndpoint.Path) { Headers = { { "Authorization", "Bearer " + control.Key } } };
        var answer = await world.Http.SendAsync(right);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var head = new byte[64];
        await using (var body = await answer.Content.ReadAsStreamAsync()) await body.ReadExactlyAsync(head);
        Assert.Contains("** This is a LiteDB file **", Encoding.ASCII.GetString(head));
    }

    /// <summary>Waits for <paramref name="signal"/>; a submitter that failed ends the wait with its exception.</summary>
    private static async Task UnlessOneFailsAsync(Task signal, IReadOnlyList<Task> submitters)
    {
        var remaining = submitters.ToList();
        while (!signal.IsCompleted)
        {
            var done = await Task.WhenAny([signal, .. remaining]);
            if (done != signal)
            {
                await done;
                remaining.Remove(done);
            }
        }
    }

    /// <summary>Opens the daily report in the liaison's chat and submits it with <paramref name="marker"/> as the typical case.</summary>
    private static async Task SubmitReportAsync(UploadWorld world, string aad, string marker)
    {
        var conversation = $"a:chat-{aad}";
        // Two seconds of the fake clock per form: each chat stays far below Teams' per-thread send limits, which the
        // connector client honours by waiting on this clock. Not more: the other submitters advance the same clock while
        // a turn runs, and a turn stalled behind the backup's snapshot must not pass its 14 s budget on it (its reply
        // would be dropped, as a real one past Teams' 15 s is).
        world.Clock.Advance(TimeSpan.FromSeconds(2));
        await world.SayAsync("日报", aad);
        var form = world.Connector.Calls
            .Where(c => c.Method == "POST" && c.Path.Contains(conversation, StringComparison.Ordinal) && c.Body is not null)
            .SelectMany(c => c.Body!["attachments"]?.AsArray() ?? []).Select(a => a?["content"]).OfType<JsonObject>()
            .Last(card => CardJson.Actions(card).Any(a => (string?)a["verb"] == "report.submit"));
        var fields = FormSteps.ValidReport();
        fields["typicalCase"] = marker;
        var data = CardJson.Click(form, "report.submit", fields);
        var activity = new JsonObject
        {
            ["type"] = "invoke",
            ["name"] = "adaptiveCard/action",
            ["id"] = Guid.NewGuid().ToString("N"),
            ["timestamp"] = world.Clock.GetUtcNow().ToString("O"),
            ["channelId"] = "msteams",
            ["serviceUrl"] = world.Connector.ServiceUrl,
            ["locale"] = "zh-CN",
            ["from"] = new JsonObject { ["id"] = $"29:{aad}", ["aadObjectId"] = aad, ["name"] = "user" },
            ["recipient"] = new JsonObject { ["id"] = "28:bot", ["name"] = "职教活动周助手" },
            ["conversation"] = new JsonObject { ["id"] = conversation, ["conversationType"] = "personal", ["tenantId"] = "tenant-1" },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-1" } },
            ["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "report.submit", ["data"] = data }, ["trigger"] = "manual" },
        };
        using var content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json");
        var response = await world.Http.PostAsync("/api/messages", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var receipt = CardJson.AllText(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["value"]!.AsObject());
        Assert.True(receipt.Contains("已提交", StringComparison.Ordinal), $"not acknowledged: {receipt}");
    }
}
