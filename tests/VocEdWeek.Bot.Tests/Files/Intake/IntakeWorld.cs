using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Files.Intake;

/// <summary>
/// The real bot in-process (Wuxi sample week, Tuesday 14 May 2024 09:30 Beijing on a FakeTimeProvider), the fake Bot
/// Connector on 127.0.0.1, and Teams' download links on another local server. Liaisons send files as Teams does
/// (file.download.info attachments through POST /api/messages); the test awaits signals: a file stored, a request seen.
/// </summary>
public sealed class IntakeWorld : IAsyncDisposable
{
    public const string Zhang = "11a150a0-0000-4000-8000-000000000001"; // 张伟, 机电工程学院 (jd)
    public const string Li = "11a150a0-0000-4000-8000-000000000002";    // 李娜, 信息工程学院 (xx)

    /// <summary>How long a test waits for a signal before it calls the bot stuck (a hang guard, not a timing assertion).</summary>
    public static readonly TimeSpan Guard = TimeSpan.FromSeconds(40);

    private TestHost _host = null!;

    private IntakeWorld()
    {
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2024, 5, 14, 9, 30, 0, TimeSpan.FromHours(8)));

    public FakeConnector Connector => _host.Connector!;

    public FakeDownloads Downloads => _host.Downloads!;

    public StoredSignal Stored { get; } = new();

    public HttpClient Http { get; private set; } = null!;

    public static async Task<IntakeWorld> StartAsync(Dictionary<string, string?>? settings = null)
    {
        var world = new IntakeWorld();
        world._host = await TestHost.StartAsync(new TestHostOptions
        {
            Settings = settings ?? [],
            Clock = world.Clock,
            Services = s => s.AddSingleton<IMediaStoredObserver>(world.Stored),
            ScriptedConnector = true,
            Downloads = true,
        });
        world.Http = world._host.Factory.CreateClient();
        world.Http.Timeout = TimeSpan.FromMinutes(2);
        return world;
    }

    public T Get<T>() where T : notnull => _host.Get<T>();

    /// <summary>A personal-chat message from <paramref name="aad"/> carrying the files as Teams desktop sends them.</summary>
    public JsonObject Message(string aad, string activityId, params (string Name, string Url)[] files) => new()
    {
        ["type"] = "message",
        ["id"] = activityId,
        ["timestamp"] = Clock.GetUtcNow().ToString("O"),
        ["channelId"] = "msteams",
        ["serviceUrl"] = Connector.ServiceUrl,
        ["locale"] = "zh-CN",
        ["text"] = "",
        ["from"] = new JsonObject { ["id"] = $"29:{aad}", ["aadObjectId"] = aad, ["name"] = "liaison" },
        ["recipient"] = new JsonObject { ["id"] = "28:bot", ["name"] = "职教活动周助手" },
        ["conversation"] = new JsonObject { ["id"] = ConversationOf(aad), ["conversationType"] = "personal", ["tenantId"] = "tenant-1" },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-1" } },
        ["attachments"] = new JsonArray([.. files.Select((f, i) => (JsonNode)new JsonObject
        {
            ["contentType"] = "application/vnd.microsoft.teams.file.download.info",
            ["name"] = f.Name,
            ["contentUrl"] = $"https://college.sharepoint.example/personal/liaison/Documents/{f.Name}",
            ["content"] = new JsonObject { ["downloadUrl"] = f.Url, ["uniqueId"] = $"{activityId}-{i}", ["fileType"] = Path.GetExtension(f.Name).TrimStart('.') },
        })]),
    };

    public static string ConversationOf(string aad) => $"a:chat-{aad}";

    /// <summary>Posts the activity like Teams does; the answer is the bot's HTTP answer.</summary>
    public Task<HttpResponseMessage> PostAsync(JsonObject activity) => Http.PostAsJsonAsync("/api/messages", activity);

    /// <summary>The first message the bot posted into <paramref name="aad"/>'s chat whose text contains <paramref name="fragment"/>.</summary>
    public async Task<string> MessageContainingAsync(string aad, string fragment)
    {
        var conversation = Uri.EscapeDataString(ConversationOf(aad));
        var request = await Connector.WaitForAsync(r => r.Method == "POST" && r.Target.Contains(conversation, StringComparison.Ordinal)
            && TextOf(r)?.Contains(fragment, StringComparison.Ordinal) == true).WaitAsync(Guard);
        return TextOf(request)!;
    }

    public IReadOnlyList<string> TextsTo(string aad)
    {
        var conversation = Uri.EscapeDataString(ConversationOf(aad));
        return [.. Connector.Requests.Where(r => r.Method == "POST" && r.Target.Contains(conversation, StringComparison.Ordinal)).Select(TextOf).OfType<string>()];
    }

    private static string? TextOf(RecordedRequest r) => JsonNode.Parse(r.Body) is JsonObject o ? (string?)o["text"] : null;

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _host.DisposeAsync();
    }
}
