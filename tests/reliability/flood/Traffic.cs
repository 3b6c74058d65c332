using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace VocEdWeek.Bot.Reliability.Flood;

/// <summary>Teams-shaped personal-chat messages posted to the bot, each answer timed.</summary>
public sealed class Traffic(Uri messages, string serviceUrl)
{
    private readonly HttpClient http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 1024, UseProxy = false }) { Timeout = TimeSpan.FromSeconds(60) };
    private long nextId;

    public ConcurrentBag<Answer> Answers { get; } = [];

    public async Task SendAsync(string who, string text)
    {
        var body = Message(who, text, Interlocked.Increment(ref nextId));
        var started = Stopwatch.GetTimestamp();
        int status;
        try
        {
            using var response = await http.PostAsJsonAsync(messages, body);
            status = (int)response.StatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            status = 0; // no answer at all (Teams would have given up long before)
        }
        Answers.Add(new Answer(who, status, Stopwatch.GetElapsedTime(started).TotalMilliseconds, DateTimeOffset.UtcNow));
    }

    private JsonObject Message(string who, string text, long id) => new()
    {
        ["type"] = "message",
        ["id"] = $"flood-{id}",
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = $"29:{who}", ["name"] = who, ["aadObjectId"] = $"00000000-0000-4000-8000-{Math.Abs(who.GetHashCode(StringComparison.Ordinal)) % 1_000_000_000_000:D12}" },
        ["conversation"] = new JsonObject { ["id"] = $"a:{who}", ["conversationType"] = "personal", ["tenantId"] = "flood-tenant" },
        ["recipient"] = new JsonObject { ["id"] = "28:flood-bot", ["name"] = "VocEdWeek" },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "flood-tenant" } },
        ["text"] = text,
        ["locale"] = "zh-CN",
    };

    public sealed record Answer(string Who, int Status, double Milliseconds, DateTimeOffset At);
}
