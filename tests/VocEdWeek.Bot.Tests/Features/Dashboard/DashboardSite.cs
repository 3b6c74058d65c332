using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using VocEdWeek.Bot.Features.DailyReport;
using VocEdWeek.Bot.Features.Forms;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Links;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Tests.Features.Forms;

namespace VocEdWeek.Bot.Tests.Features.Dashboard;

/// <summary>
/// The real bot over HTTP (BotApp: its own LiteDB folder, the 2024 Wuxi week active and the 2020 Shandong week archived,
/// rehearsal clock at Tuesday 14 May 2024 10:00 Beijing time) with a recording connector for its replies. Submissions
/// and photos go through the real stores; messages go through POST /api/messages.
/// </summary>
public sealed class DashboardSite : IAsyncDisposable
{
    /// <summary>A real 1×1 PNG.</summary>
    public static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    public static readonly string[] WuxiDepartments = ["机电工程学院", "信息工程学院", "经济管理学院", "建筑工程学院", "设计艺术学院"];

    private TestHost _host = null!;
    private int _activities;

    public BotApp App => _host.App;

    /// <summary>The app as served (the BotApp itself, or a copy with extra services).</summary>
    public Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> Factory => _host.Factory;
    public HttpClient Client { get; private set; } = null!;

    public static async Task<DashboardSite> StartAsync(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var site = new DashboardSite();
        var all = new Dictionary<string, string?>
        {
            ["Clock:StartAt"] = "2024-05-14T10:00:00+08:00",
            ["Links:PublicBaseUrl"] = "https://bot.college.example.edu.cn",
            ["Week:ArchiveFiles:0"] = Path.Combine(RepoPaths.Samples, "2020-shandong.json"),
        };
        foreach (var (k, v) in settings ?? []) all[k] = v;
        site._host = await TestHost.StartAsync(new TestHostOptions { Settings = all, Services = services, RecordingConnector = true });
        site.Client = site.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        return site;
    }

    public T Get<T>() where T : notnull => Factory.Services.GetRequiredService<T>();

    /// <summary>A first version of a daily report (or any item) handed in at a Beijing wall-clock time.</summary>
    public void Submit(string department, string itemKey, DateTimeOffset at, string typicalCase = "", string story = "") =>
        Get<ISubmissionStore>().Submit(new Submission
        {
            WeekId = "2024-wuxi",
            DepartmentId = department,
            ItemKey = itemKey,
            SubmittedAt = at.UtcDateTime,
            SubmittedByName = "测试",
            SubmittedByTeamsId = "29:test",
            Data = itemKey.StartsWith("report:", StringComparison.Ordinal)
                ? FormJson.Serialize(new DailyReportData { Day = DateOnly.Parse(itemKey[7..], System.Globalization.CultureInfo.InvariantCulture), TypicalCase = typicalCase, Story = story })
                : "{}",
        });

    /// <summary>A received file, stored the way the intake worker stores one (file store, then MediaArrival).</summary>
    public async Task<MediaRecord> StorePhotoAsync(string weekId, string department, string itemKey, string name, byte[] bytes, MediaKind kind = MediaKind.Photo, DateTime? receivedAt = null)
    {
        var record = new MediaRecord
        {
            WeekId = weekId, DepartmentId = department, ItemKey = itemKey, OriginalName = name, FileName = name, Kind = kind,
            ReceivedAt = receivedAt ?? FormsWorld.Beijing(2024, 5, 14, 9, 0).UtcDateTime, FromName = "张伟", BatchId = Guid.NewGuid().ToString("N"),
            ConversationId = "a:test", State = MediaState.Pending,
        };
        using var content = new MemoryStream(bytes);
        var stored = await Get<IFileStore>().SaveAsync(["测试", department], name, content, CancellationToken.None);
        await Get<MediaArrival>().StoredAsync(record, stored);
        return record;
    }

    /// <summary>Types a message in a personal chat; returns what the bot posted back.</summary>
    public async Task<IReadOnlyList<JsonNode>> SayAsync(TestUser user, string text, string locale = "zh-CN")
    {
        var before = _host.Recorder!.Posts.Count;
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = $"dash-{Interlocked.Increment(ref _activities)}-{Guid.NewGuid():N}",
            ["channelId"] = "msteams",
            ["serviceUrl"] = _host.Recorder!.ServiceUrl,
            ["locale"] = locale,
            ["text"] = text,
            ["from"] = new JsonObject { ["id"] = user.Id, ["name"] = user.Name, ["aadObjectId"] = user.AadObjectId },
            ["recipient"] = new JsonObject { ["id"] = "28:bot", ["name"] = "职教活动周助手" },
            ["conversation"] = new JsonObject { ["id"] = $"a:{user.Id}", ["conversationType"] = "personal", ["tenantId"] = "tenant-1" },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-1" } },
        };
        using var body = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json");
        var response = await Client.PostAsync("/api/messages", body);
        Assert.True(response.IsSuccessStatusCode, $"POST /api/messages: {(int)response.StatusCode}");
        return _host.Recorder!.Posts.Skip(before).OfType<JsonNode>().ToList();
    }

    /// <summary>The Action.OpenUrl of the dashboard card the bot answered "看板" with.</summary>
    public async Task<string> AskForLinkAsync(TestUser user, string text = "看板", string locale = "zh-CN")
    {
        var card = Card(await SayAsync(user, text, locale));
        return CardJson.Elements(card).Single(e => (string?)e["type"] == "Action.OpenUrl")["url"]!.GetValue<string>();
    }

    public static JsonObject Card(IReadOnlyList<JsonNode> posts) =>
        posts.SelectMany(p => p["attachments"]?.AsArray() ?? []).Select(a => a?["content"]).OfType<JsonObject>().LastOrDefault()
        ?? throw new Xunit.Sdk.XunitException("no card in: " + string.Join(" | ", posts.Select(p => p.ToJsonString())));

    public static string Text(IReadOnlyList<JsonNode> posts) => string.Join("\n", posts.Select(p => (string?)p["text"] ?? ""));

    /// <summary>The path and query of a link on the bot's public address, to request it from the in-process server.</summary>
    public static string PathOf(string url) => new Uri(url).PathAndQuery;

    public string Token(string purpose, TimeSpan lifetime, string week = "2024-wuxi") =>
        Get<LinkSigner>().Create(purpose, new Dictionary<string, string> { ["w"] = week, ["s"] = "吴苏玲", ["l"] = "zh-CN" }, lifetime);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _host.DisposeAsync();
    }
}
