using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Protocol;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Tests.Files;

/// <summary>
/// File intake against a real local HTTP server standing in for Teams' download links and the connector's
/// attachment views: what is fetched with the bot's token, and what is refused, with which reason.
/// </summary>
public sealed class FileIntakeTests : IAsyncLifetime
{
    private readonly TempDir _dir = new();
    private TestStores? _stores;
    private readonly ConcurrentDictionary<string, string?> _authorization = new();
    private WebApplication _server = null!;
    private string _base = "";

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _server = builder.Build();
        _server.Run(async ctx =>
        {
            _authorization[ctx.Request.Path] = ctx.Request.Headers.Authorization.FirstOrDefault();
            switch (ctx.Request.Path.Value)
            {
                case "/share-link": ctx.Response.ContentType = "text/html"; await ctx.Response.WriteAsync("<html>sign in</html>"); break;
                case "/big.mp4": ctx.Response.ContentType = "video/mp4"; await ctx.Response.Body.WriteAsync(new byte[5000]); break;
                case "/gone.jpg": ctx.Response.StatusCode = 404; break;
                case "/chunked.jpg": // no Content-Length: only the running count of what arrives can stop it
                    await ctx.Response.Body.WriteAsync(MediaBytes.Jpeg(1500));
                    await ctx.Response.Body.FlushAsync();
                    await ctx.Response.Body.WriteAsync(MediaBytes.Jpeg(3500));
                    break;
                default: ctx.Response.ContentType = "application/octet-stream"; await ctx.Response.Body.WriteAsync(MediaBytes.Jpeg(1234)); break;
            }
        });
        await _server.StartAsync();
        _base = _server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _stores?.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public void Pasted_images_need_the_bot_token_only_on_the_connector_host()
    {
        var activity = JsonSerializer.Deserialize<Activity>($$"""
            { "type": "message", "serviceUrl": "{{_base}}/", "attachments": [
              { "contentType": "image/*", "contentUrl": "{{_base}}/v3/attachments/1/views/original" },
              { "contentType": "image/png", "contentUrl": "https://statics.teams.cdn.example/emoji/smile.png" },
              { "contentType": "application/vnd.microsoft.teams.file.download.info", "name": "活动.docx",
                "content": { "downloadUrl": "{{_base}}/dl/1", "uniqueId": "U1", "fileType": "docx" } },
              { "contentType": "text/html", "content": "<p>x</p>" } ] }
            """, WireJson.Options)!;
        var files = IncomingFiles.From(activity);
        Assert.Equal(2, files.Count);
        Assert.True(files[0].NeedsBotToken);
        Assert.Equal("image-1.png", files[0].Name);
        Assert.False(files[1].NeedsBotToken);
        Assert.Equal("活动.docx", files[1].Name);
    }

    [Fact]
    public async Task The_token_goes_to_connector_attachments_and_never_to_download_links()
    {
        using var http = new HttpClient();
        var downloader = new AttachmentDownloader(http, new FixedToken("bot-token"), LocalFakes);
        using (await downloader.OpenAsync(new IncomingFile("a.png", "image/png", $"{_base}/v3/attachments/1/views/original", true, null), default)) { }
        using (await downloader.OpenAsync(new IncomingFile("b.docx", null, $"{_base}/dl/1", false, "U1"), default)) { }
        Assert.Equal("Bearer bot-token", _authorization["/v3/attachments/1/views/original"]);
        Assert.Null(_authorization["/dl/1"]);
    }

    [Fact]
    public async Task Refusals_have_reasons_and_leave_nothing_stored()
    {
        var (worker, media, messenger) = Build(maxBytes: 2000);
        var records = new[]
        {
            Pending("开幕式.jpg", "/ok.jpg"), Pending("virus.exe", "/ok.exe"), Pending("big.mp4", "/big.mp4"),
            Pending("现场.jpg", "/share-link"), Pending("过期.jpg", "/gone.jpg"),
        };
        foreach (var r in records) media.Add(r);

        await worker.ProcessBatchAsync("batch-1", default);

        var batch = media.Batch("batch-1");
        Assert.Equal([MediaState.Stored, MediaState.Refused, MediaState.Refused, MediaState.Refused, MediaState.Refused], batch.Select(b => b.State));
        Assert.All(batch, b => Assert.Null(b.DownloadUrl)); // pre-authorised links are not kept once used
        var stored = Directory.GetFiles(Path.Combine(_dir.Path, "files"), "*", SearchOption.AllDirectories);
        Assert.Equal(["开幕式.jpg"], stored.Select(Path.GetFileName));
        var ack = Assert.Single(messenger.Sent);
        Assert.Contains("已收到 1 张照片：开幕式.jpg", ack, StringComparison.Ordinal);
        Assert.Contains("virus.exe（不支持此文件类型", ack, StringComparison.Ordinal);
        Assert.Contains("big.mp4（超过", ack, StringComparison.Ordinal);
        Assert.Contains("现场.jpg（链接打开的是网页", ack, StringComparison.Ordinal);
        Assert.Contains("过期.jpg（下载失败", ack, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_size_cap_counts_the_bytes_that_arrive_when_no_length_is_announced()
    {
        var (worker, media, messenger) = Build(maxBytes: 2000);
        media.Add(Pending("无长度.jpg", "/chunked.jpg"));

        await worker.ProcessBatchAsync("batch-1", default);

        Assert.Equal(MediaState.Refused, Assert.Single(media.Batch("batch-1")).State);
        Assert.Contains("无长度.jpg（超过", Assert.Single(messenger.Sent), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_dir.Path, "files")) && Directory.EnumerateFiles(Path.Combine(_dir.Path, "files"), "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task A_file_whose_download_was_cut_off_by_three_starts_is_refused_without_another_request()
    {
        var (worker, media, messenger) = Build(maxBytes: 2000);
        var record = Pending("每次崩溃.jpg", "/never-asked.jpg");
        record.DownloadAttempts = 3; // started three times, the process never came back to record an outcome
        media.Add(record);

        await worker.ProcessBatchAsync("batch-1", default);

        Assert.Equal(MediaState.Refused, Assert.Single(media.Batch("batch-1")).State);
        Assert.False(_authorization.ContainsKey("/never-asked.jpg"));
        Assert.Contains("每次崩溃.jpg（下载失败", Assert.Single(messenger.Sent), StringComparison.Ordinal);
        Assert.Empty(media.PendingBatches());
    }

    /// <summary>The download server here is plain http on 127.0.0.1, as in Development.</summary>
    private static readonly DownloadClientOptions LocalFakes = DownloadClientOptions.HttpsOnly with { AllowLoopbackHttp = true };

    private MediaRecord Pending(string name, string path) => new()
    {
        WeekId = "2024-wuxi", DepartmentId = "jd", ItemKey = "report:2024-05-14", OriginalName = name, FileName = FileNameCleaner.Clean(name),
        Kind = MediaKinds.Of(name), ReceivedAt = DateTime.UtcNow, FromName = "张伟", BatchId = "batch-1", SourceKey = "batch-1|" + name,
        State = MediaState.Pending, DownloadUrl = _base + path, ConversationId = "a:zhang", Locale = "zh-CN",
    };

    private (FileIntakeWorker Worker, IMediaStore Media, CapturingMessenger Messenger) Build(long maxBytes)
    {
        var storage = new StorageOptions { Directory = _dir.Path };
        // The stores follow VOCEDWEEK_TEST_STORAGE; the files stay in the folder either way.
        _stores = new TestStores(_dir.Path);
        var conversations = _stores.Get<IConversationStore>();
        conversations.Save(new ConversationRecord { Id = "a:zhang", ServiceUrl = _base + "/", Scope = "Personal", UserId = "29:zhang" });
        var weeks = TestWeeks.Catalog(_stores.Get<VocEdWeek.Bot.Weeks.Store.IWeekStore>(), TimeProvider.System, Path.Combine(RepoPaths.Samples, "2024-wuxi.json"));
        var media = _stores.Get<IMediaStore>();
        var messenger = new CapturingMessenger();
        var options = new FileIntakeOptions { MaxBytes = maxBytes };
        var fetcher = new FileFetcher(media, new MediaArrival(media, []), new LocalFileStore(storage), new AttachmentDownloader(new HttpClient(), new FixedToken(null), LocalFakes),
            weeks, options, TimeProvider.System, NullLogger<FileFetcher>.Instance);
        var worker = new FileIntakeWorker(media, fetcher, messenger, conversations, weeks, options, new InstanceName("test"), TimeProvider.System, NullLogger<FileIntakeWorker>.Instance);
        return (worker, media, messenger);
    }

    private sealed class FixedToken(string? token) : IConnectorTokenSource
    {
        public Task<string?> GetTokenAsync(CancellationToken ct) => Task.FromResult(token);
    }

    private sealed class CapturingMessenger : IMessenger
    {
        public List<string> Sent { get; } = [];

        public Task<SendResult> SendAsync(ConversationRef conversation, OutgoingMessage message, string? replyToId = null, CancellationToken ct = default)
        {
            Sent.Add(message.Text ?? "");
            return Task.FromResult(new SendResult(DeliveryStatus.Delivered, "1"));
        }

        public Task<SendResult> UpdateAsync(ConversationRef conversation, string activityId, OutgoingMessage message, CancellationToken ct = default) => throw new NotSupportedException();
        public Task<ConversationRef?> CreatePersonalConversationAsync(string serviceUrl, string tenantId, string userId, CancellationToken ct = default) => throw new NotSupportedException();
        public Task<MemberInfo?> GetMemberAsync(ConversationRef conversation, string userId, CancellationToken ct = default) => throw new NotSupportedException();
        public Task<SendResult> CreateChannelThreadAsync(ConversationRef channel, OutgoingMessage message, CancellationToken ct = default) => throw new NotSupportedException();
        public IAsyncEnumerable<MemberInfo> GetMembersAsync(ConversationRef conversation, int pageSize = 100, CancellationToken ct = default) => throw new NotSupportedException();
    }
}
