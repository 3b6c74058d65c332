using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Features.UploadPage;

/// <summary>
/// The real bot on a real Kestrel socket (its public base URL is that socket), the Wuxi sample week, a
/// fake clock (WatchedTimeProvider) at Tuesday 14 May 2024 09:30 Beijing, and a recording connector on 127.0.0.1: commands go
/// in through POST /api/messages like Teams sends them, the link comes back in the card the connector receives.
/// </summary>
public sealed class UploadWorld : IAsyncDisposable
{
    public const string LiaisonAad = "11a150a0-0000-4000-8000-000000000001"; // 张伟, 机电工程学院 (jd)
    public const string OtherLiaisonAad = "11a150a0-0000-4000-8000-000000000002"; // 李娜, 信息工程学院 (xx)
    public const string StaffAad = "0ff1ce00-0000-4000-8000-000000000001";

    private TestHost _host = null!;

    private UploadWorld()
    {
    }

    public ConnectorRecorder Connector => _host.Recorder!;

    public WatchedTimeProvider Clock { get; } = new(new DateTimeOffset(2024, 5, 14, 9, 30, 0, TimeSpan.FromHours(8)).ToUniversalTime());

    public HttpClient Http { get; private set; } = null!;

    /// <summary>Which requests the server has finished (a broken-off upload's clean-up included).</summary>
    public RequestCompletions Requests { get; } = new();

    public string BaseUrl { get; private set; } = "";

    public string DataDirectory => _host.DataDirectory;

    public IServiceProvider Services => _host.Services;

    public static async Task<UploadWorld> StartAsync(Dictionary<string, string?>? settings = null)
    {
        var world = new UploadWorld();
        var port = FreePort();
        world.BaseUrl = $"http://127.0.0.1:{port}";
        var all = new Dictionary<string, string?> { ["Links:PublicBaseUrl"] = world.BaseUrl };
        foreach (var (k, v) in settings ?? []) all[k] = v;
        world._host = await TestHost.StartAsync(new TestHostOptions
        {
            Settings = all,
            Clock = world.Clock,
            RecordingConnector = true,
            Services = s => s.AddSingleton<IStartupFilter>(world.Requests),
        });
        world._host.Factory.UseKestrel(k => k.Listen(IPAddress.Loopback, port));
        world._host.Factory.StartServer();
        world.Http = new HttpClient { BaseAddress = new Uri(world.BaseUrl), Timeout = TimeSpan.FromMinutes(2) };
        return world;
    }

    /// <summary>Types <paramref name="text"/> in a chat as the given user; returns what the bot posted in answer.</summary>
    public async Task<IReadOnlyList<JsonNode>> SayAsync(string text, string aadObjectId = LiaisonAad, string locale = "zh-CN", string conversationType = "personal")
    {
        var before = Connector.Posts.Count;
        var conversationId = conversationType == "personal" ? $"a:chat-{aadObjectId}" : "19:group@thread.v2";
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = Guid.NewGuid().ToString("N"),
            ["timestamp"] = Clock.GetUtcNow().ToString("O"),
            ["channelId"] = "msteams",
            ["serviceUrl"] = Connector.ServiceUrl,
            ["locale"] = locale,
            ["text"] = text,
            ["from"] = new JsonObject { ["id"] = $"29:{aadObjectId}", ["aadObjectId"] = aadObjectId, ["name"] = "user" },
            ["recipient"] = new JsonObject { ["id"] = "28:bot", ["name"] = "职教活动周助手" },
            ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = conversationType, ["tenantId"] = "tenant-1" },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-1" } },
        };
        using var content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json");
        var response = await Http.PostAsync("/api/messages", content);
        Assert.True(response.IsSuccessStatusCode, $"/api/messages answered {(int)response.StatusCode}");
        return [.. Connector.Posts.Skip(before).OfType<JsonNode>()];
    }

    /// <summary>The upload link a liaison gets for a command (the card's Action.OpenUrl).</summary>
    public async Task<string> LinkAsync(string text = "上传链接", string aadObjectId = LiaisonAad, string locale = "zh-CN")
    {
        var posts = await SayAsync(text, aadObjectId, locale);
        var card = posts.SelectMany(p => p["attachments"]?.AsArray() ?? []).Select(a => a?["content"]).OfType<JsonNode>().LastOrDefault()
            ?? throw new Xunit.Sdk.XunitException($"No card for '{text}': {string.Join(" | ", posts.Select(p => p["text"]))}");
        var action = card["actions"]!.AsArray().Single(a => (string?)a!["type"] == "Action.OpenUrl")!;
        return (string)action["url"]!;
    }

    /// <summary>Messages the bot sent with plain text since <paramref name="since"/> posts.</summary>
    public IReadOnlyList<string> TextsSince(int since) =>
        [.. Connector.Posts.Skip(since).Select(p => (string?)p?["text"]).OfType<string>()];

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _host.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
