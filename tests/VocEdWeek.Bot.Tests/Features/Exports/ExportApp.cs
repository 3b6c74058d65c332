using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using VocEdWeek.Bot.Features.Exports;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Tests.Features.Forms;

namespace VocEdWeek.Bot.Tests.Features.Exports;

/// <summary>
/// The real bot over HTTP (POST /api/messages, GET /download/…) for exports: the 2024 Wuxi week (and optionally the 2020
/// Shandong week as a past one), a fake clock (WatchedTimeProvider) on Tuesday 14 May 2024 10:00 Beijing, a recording connector on 127.0.0.1,
/// and optionally SharePoint settings (pointing at a fake Graph).
/// </summary>
public sealed class ExportApp : IAsyncDisposable
{
    public const string Tenant = "tenant-1";
    private readonly TestHost _host;
    private int _ids;

    private ExportApp(TestHost host, WatchedTimeProvider clock)
    {
        _host = host;
        Clock = clock;
        Client = host.Factory.CreateClient();
    }

    public ConnectorRecorder Connector => _host.Recorder!;
    public WatchedTimeProvider Clock { get; }
    public HttpClient Client { get; }
    public IServiceProvider Services => _host.Services;
    public string DataDirectory => _host.DataDirectory;
    public IExportStore Store => Services.GetRequiredService<IExportStore>();

    /// <param name="gate">When given, every writer waits for it before writing (to see what a slow export looks like).</param>
    /// <param name="services">More test services (e.g. a capturing logger provider).</param>
    public static async Task<ExportApp> StartAsync(Dictionary<string, string?>? settings = null, bool withPastWeek = false,
        Task? gate = null, Action<IServiceCollection>? services = null)
    {
        var all = new Dictionary<string, string?>(settings ?? []);
        if (withPastWeek) all["Week:ArchiveFiles:0"] = Path.Combine(RepoPaths.Samples, "2020-shandong.json");
        var clock = new WatchedTimeProvider(FormsWorld.Beijing(2024, 5, 14, 10, 0));
        var host = await TestHost.StartAsync(new TestHostOptions
        {
            Settings = all,
            Clock = clock,
            RecordingConnector = true,
            Services = collection =>
            {
                if (gate is not null) GatedWriter.Wrap(collection, gate);
                services?.Invoke(collection);
            },
        });
        return new ExportApp(host, clock);
    }

    /// <summary>Types a message as <paramref name="user"/>; returns once the bot answered the POST.</summary>
    public async Task SayAsync(TestUser user, string text, bool channel = false, string locale = "zh-CN")
    {
        var activity = Envelope(user, "message", channel, locale);
        activity["text"] = text;
        var response = await PostAsync(activity);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        await IdleAsync();
    }

    /// <summary>A personal-chat message with <paramref name="text"/> and files as Teams sends them (pre-authorised download links).</summary>
    public async Task SendFilesAsync(TestUser user, string text, params (string Name, string Url)[] files)
    {
        var activity = Envelope(user, "message", false, "zh-CN");
        activity["text"] = text;
        activity["attachments"] = new JsonArray([.. files.Select((f, i) => (JsonNode)new JsonObject
        {
            ["contentType"] = "application/vnd.microsoft.teams.file.download.info",
            ["name"] = f.Name,
            ["contentUrl"] = $"https://college.sharepoint.example/personal/office/Documents/{f.Name}",
            ["content"] = new JsonObject { ["downloadUrl"] = f.Url, ["uniqueId"] = $"{activity["id"]}-{i}", ["fileType"] = Path.GetExtension(f.Name).TrimStart('.') },
        })]);
        var response = await PostAsync(activity);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        await IdleAsync();
    }

    /// <summary>Presses an Action.Execute button; returns the invoke's HTTP response.</summary>
    public Task<HttpResponseMessage> ExecuteAsync(TestUser user, JsonObject data, string replyToId, bool channel = false, string locale = "zh-CN")
    {
        var activity = Envelope(user, "invoke", channel, locale);
        activity["name"] = "adaptiveCard/action";
        activity["replyToId"] = replyToId;
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = data["verb"]?.DeepClone(), ["data"] = data.DeepClone() },
            ["trigger"] = "manual",
        };
        return PostAsync(activity);
    }

    /// <summary>The user's answer to a file consent card, as Teams sends it.</summary>
    public Task<HttpResponseMessage> ConsentAsync(TestUser user, JsonObject value, string? replyToId)
    {
        var activity = Envelope(user, "invoke", false, "zh-CN");
        activity["name"] = "fileConsent/invoke";
        if (replyToId is not null) activity["replyToId"] = replyToId;
        activity["value"] = value;
        return PostAsync(activity);
    }

    public async Task<HttpResponseMessage> PostAsync(JsonObject activity)
    {
        using var content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json");
        return await Client.PostAsync("/api/messages", content);
    }

    public Task IdleAsync() => Services.GetRequiredService<ExportJobs>().WhenIdleAsync();

    public int Mark() => Connector.Calls.Count;

    /// <summary>Messages the bot posted (new or replies) since <paramref name="mark"/>.</summary>
    public IReadOnlyList<JsonObject> Posted(int mark = 0) =>
        Connector.Calls.Skip(mark).Where(c => c.Method == "POST" && c.Path.Contains("/activities", StringComparison.Ordinal)).Select(c => c.Body!.AsObject()).ToList();

    public IReadOnlyList<(string Path, JsonObject Activity)> Updated(int mark = 0) =>
        Connector.Calls.Skip(mark).Where(c => c.Method == "PUT").Select(c => (c.Path, c.Body!.AsObject())).ToList();

    public IReadOnlyList<JsonObject> Cards(int mark = 0) =>
        Posted(mark).SelectMany(p => Attachments(p, "application/vnd.microsoft.card.adaptive")).Select(a => a["content"]!.AsObject()).ToList();

    public string Texts(int mark = 0) => string.Join("\n", Posted(mark).Select(p => (string?)p["text"]).Where(t => t is not null));

    public static IEnumerable<JsonObject> Attachments(JsonObject activity, string contentType) =>
        (activity["attachments"]?.AsArray() ?? []).Select(a => a!.AsObject()).Where(a => (string?)a["contentType"] == contentType);

    /// <summary>The Action.OpenUrl links on a card.</summary>
    public static IReadOnlyList<string> Links(JsonObject card) => Actions(card, "Action.OpenUrl").Select(a => (string)a["url"]!).ToList();

    public static IReadOnlyList<JsonObject> Actions(JsonNode? node, string type)
    {
        var found = new List<JsonObject>();
        void Walk(JsonNode? n)
        {
            switch (n)
            {
                case JsonObject o:
                    if ((string?)o["type"] == type) found.Add(o);
                    foreach (var (_, v) in o) Walk(v);
                    break;
                case JsonArray a:
                    foreach (var v in a) Walk(v);
                    break;
            }
        }
        Walk(node);
        return found;
    }

    /// <summary>GETs a card link on the bot (the link carries the configured public address; the path is what counts).</summary>
    public Task<HttpResponseMessage> GetLinkAsync(string url) => Client.GetAsync(new Uri(url).PathAndQuery);

    private JsonObject Envelope(TestUser user, string type, bool channel, string locale)
    {
        var id = Interlocked.Increment(ref _ids);
        var activity = new JsonObject
        {
            ["type"] = type,
            ["id"] = $"act-{id}-{Guid.NewGuid():N}",
            ["timestamp"] = Clock.GetUtcNow().ToString("O"),
            ["channelId"] = "msteams",
            ["serviceUrl"] = Connector.ServiceUrl,
            ["locale"] = locale,
            ["from"] = new JsonObject { ["id"] = user.Id, ["name"] = user.Name, ["aadObjectId"] = user.AadObjectId },
            ["recipient"] = new JsonObject { ["id"] = "28:vocedweek-bot", ["name"] = "VocEdWeek" },
        };
        if (channel)
        {
            activity["conversation"] = new JsonObject { ["id"] = "19:office@thread.tacv2;messageid=1", ["conversationType"] = "channel", ["tenantId"] = Tenant, ["isGroup"] = true };
            activity["channelData"] = new JsonObject
            {
                ["tenant"] = new JsonObject { ["id"] = Tenant },
                ["team"] = new JsonObject { ["id"] = "19:team@thread.tacv2" },
                ["channel"] = new JsonObject { ["id"] = "19:office@thread.tacv2" },
            };
        }
        else
        {
            activity["conversation"] = new JsonObject { ["id"] = $"a:{user.Id}", ["conversationType"] = "personal", ["tenantId"] = Tenant };
            activity["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Tenant } };
        }
        return activity;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _host.DisposeAsync();
    }
}
