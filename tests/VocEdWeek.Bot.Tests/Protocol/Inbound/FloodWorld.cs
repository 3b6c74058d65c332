using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using VocEdWeek.Bot.Handlers;
using VocEdWeek.Bot.App;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Protocol.Inbound;

/// <summary>
/// The real bot (BotApp) with the production inbound limits, a fake clock, a FakeConnector on that clock, captured
/// logs and a count of the turns the app ran. <see cref="FloodAsync"/> posts many messages at once and returns when
/// every one of them is either answered or running its turn, without moving the clock.
/// </summary>
internal sealed class FloodWorld : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2024, 5, 14, 9, 30, 0, TimeSpan.FromHours(8));

    private TestHost host = null!;
    private int nextId;

    private FloodWorld(FakeTimeProvider clock) => Clock = clock;

    public FakeConnector Connector => host.Connector!;
    public FakeTimeProvider Clock { get; }
    public HttpClient Http { get; private set; } = null!;
    public TurnLedger Turns { get; } = new();
    public CapturingLoggerProvider Logs { get; } = new();
    public IServiceProvider Services => host.Services;

    public static async Task<FloodWorld> StartAsync(int perUserLimit = 20)
    {
        var world = new FloodWorld(new FakeTimeProvider(Start));
        world.host = await TestHost.StartAsync(new TestHostOptions
        {
            Settings = new()
            {
                // The shipped defaults, written out (BotApp turns the limit off for other tests), but for the per-user
                // count, which a test may lower.
                ["Inbound:PerUserLimit"] = perUserLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Inbound:PerUserPeriod"] = "00:00:10",
                ["Inbound:PerConversationLimit"] = "60",
                ["Inbound:PerConversationPeriod"] = "00:00:30",
            },
            Clock = world.Clock,
            ScriptedConnector = true,
            Services = s =>
            {
                s.AddSingleton<TurnRouter>();
                s.AddSingleton<ITurnHandler>(sp => new CountingHandler(sp.GetRequiredService<TurnRouter>(), world.Turns));
                s.AddLogging(l => l.AddProvider(world.Logs).SetMinimumLevel(LogLevel.Information));
            },
        });
        world.Http = world.host.Factory.CreateClient();
        return world;
    }

    /// <summary>Posts <paramref name="count"/> "帮助" from one user at once; returns when each is answered or in its turn.</summary>
    public async Task<List<Task<HttpResponseMessage>>> FloodAsync(string user, int count)
    {
        var accounted = Turns.Expect(count);
        var posts = Enumerable.Range(0, count).Select(_ => PostCountedAsync(Message(user, "帮助"))).ToList();
        // A safety net against a hang, not a timing: the clock stands still, so this completes by itself or never.
        await accounted.WaitAsync(TimeSpan.FromMinutes(2));
        return posts;
    }

    public Task<HttpResponseMessage> PostAsync(JsonObject activity) => Http.PostAsJsonAsync("/api/messages", activity);

    public JsonObject Message(string user, string text) => new()
    {
        ["type"] = "message",
        ["id"] = $"m-{Interlocked.Increment(ref nextId)}",
        ["timestamp"] = Start.ToString("O"),
        ["serviceUrl"] = Connector.ServiceUrl,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = $"29:{user}", ["name"] = user, ["aadObjectId"] = AadOf(user) },
        ["conversation"] = new JsonObject { ["id"] = $"a:{user}", ["conversationType"] = "personal", ["tenantId"] = "tenant-1" },
        ["recipient"] = new JsonObject { ["id"] = "28:bot", ["name"] = "VocEdWeek" },
        ["text"] = text,
        ["locale"] = "zh-CN",
    };

    public JsonObject Invoke(string user, string name, JsonObject value)
    {
        var activity = Message(user, "");
        activity["type"] = "invoke";
        activity["name"] = name;
        activity["value"] = value;
        activity.Remove("text");
        return activity;
    }

    /// <summary>Bot messages that reached the fake connector in <paramref name="user"/>'s chat.</summary>
    public IReadOnlyList<RecordedRequest> PostsTo(string user) =>
        Connector.RequestsTo("POST", Uri.EscapeDataString($"a:{user}") + "/activities");

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await host.DisposeAsync();
    }

    private static string AadOf(string user) => $"00000000-0000-4000-8000-{Math.Abs(user.GetHashCode(StringComparison.Ordinal)) % 1_000_000_000_000:D12}";

    private async Task<HttpResponseMessage> PostCountedAsync(JsonObject activity)
    {
        try
        {
            return await PostAsync(activity);
        }
        finally
        {
            Turns.Answered();
        }
    }
}
