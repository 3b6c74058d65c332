using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace VocEdWeek.Bot.Tests.Fakes;

/// <summary>
/// A real HTTP Bot Connector on 127.0.0.1 (Kestrel, port 0). It records every request, answers from
/// scripts (per method + target fragment, in order) or with plausible defaults, and with
/// <see cref="EnforceTeamsLimits"/> answers 429 past Teams' per-thread send limits, measured on its clock.
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    /// <summary>Teams' per-bot, per-thread send/create limits (protocol.md §4), kept apart from the bot's own copy.</summary>
    public static readonly IReadOnlyList<(int Limit, TimeSpan Period)> TeamsThreadLimits =
    [
        (7, TimeSpan.FromSeconds(1)),
        (8, TimeSpan.FromSeconds(2)),
        (60, TimeSpan.FromSeconds(30)),
        (1800, TimeSpan.FromSeconds(3600)),
    ];

    private readonly WebApplication app;
    private readonly TimeProvider clock;
    private readonly object sync = new();
    private readonly List<RecordedRequest> requests = [];
    private readonly List<ScriptEntry> scripts = [];
    private readonly Dictionary<string, List<DateTimeOffset>> accepted = new(StringComparer.Ordinal);
    private readonly List<(Func<RecordedRequest, bool> Match, TaskCompletionSource<RecordedRequest> Seen)> waiters = [];
    private int nextId;
    private int inProgress;

    private FakeConnector(WebApplication app, TimeProvider clock)
    {
        this.app = app;
        this.clock = clock;
    }

    /// <summary>Root of the server, e.g. <c>http://127.0.0.1:5123/</c>.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>A tenant-scoped serviceUrl like the real ones (<c>…/amer/</c>).</summary>
    public string ServiceUrl => BaseUrl + "amer/";

    /// <summary>Answer 429 (Retry-After: 1) to sends/creates past <see cref="TeamsThreadLimits"/> for their thread.</summary>
    public bool EnforceTeamsLimits { get; set; }

    /// <summary>With <see cref="EnforceTeamsLimits"/>: also cap sends/creates per tenant (from the body) per second.</summary>
    public int? TenantRequestsPerSecond { get; set; }

    /// <summary>Requests received whose answer has not been written yet.</summary>
    public int InProgress => Volatile.Read(ref inProgress);

    public int RequestCount
    {
        get { lock (sync) return requests.Count; }
    }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get { lock (sync) return requests.ToList(); }
    }

    public static async Task<FakeConnector> StartAsync(TimeProvider? clock = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var fake = new FakeConnector(app, clock ?? TimeProvider.System);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        fake.BaseUrl = address.TrimEnd('/') + "/";
        return fake;
    }

    public IReadOnlyList<RecordedRequest> RequestsTo(string method, string targetContains) =>
        Requests.Where(r => r.Method == method && r.Target.Contains(targetContains, StringComparison.Ordinal)).ToList();

    /// <summary>The first request (already received, or still to come) that matches: a signal to await instead of a sleep.</summary>
    public Task<RecordedRequest> WaitForAsync(Func<RecordedRequest, bool> match)
    {
        lock (sync)
        {
            if (requests.FirstOrDefault(match) is { } seen) return Task.FromResult(seen);
            var waiter = new TaskCompletionSource<RecordedRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((match, waiter));
            return waiter.Task;
        }
    }

    /// <summary>Answers the next matching requests with <paramref name="responses"/>, one each, then falls back.</summary>
    public void Script(string method, string targetContains, params FakeResponse[] responses)
    {
        lock (sync) scripts.Add(new ScriptEntry(method, targetContains, new Queue<FakeResponse>(responses), null));
    }

    /// <summary>Answers every matching request with <paramref name="response"/>.</summary>
    public void ScriptAlways(string method, string targetContains, FakeResponse response)
    {
        lock (sync) scripts.Add(new ScriptEntry(method, targetContains, new Queue<FakeResponse>(), response));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref inProgress);
        try
        {
            var request = context.Request;
            var target = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
            var body = await new StreamReader(request.Body).ReadToEndAsync(context.RequestAborted);
            var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            FakeResponse response;
            lock (sync)
            {
                var now = clock.GetUtcNow();
                response = OverLimit(request.Method, target, body, now)
                    ?? Scripted(request.Method, target)
                    ?? Default(request.Method, request.Path.Value ?? "", body);
                var recorded = new RecordedRequest(request.Method, target, request.Path.Value ?? "", request.QueryString.Value ?? "", headers, body, now, response.Status);
                requests.Add(recorded);
                foreach (var waiter in waiters.Where(w => w.Match(recorded)).ToList())
                {
                    waiters.Remove(waiter);
                    waiter.Seen.TrySetResult(recorded);
                }
            }
            if (response.HeldUntil is { } hold) await hold.WaitAsync(context.RequestAborted);
            if (response.Abort)
            {
                context.Abort();
                return;
            }
            context.Response.StatusCode = response.Status;
            foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>()) context.Response.Headers[name] = value;
            if (response.Body is not null)
            {
                context.Response.ContentType = "application/json; charset=utf-8";
                await context.Response.WriteAsync(response.Body);
            }
        }
        finally
        {
            Interlocked.Decrement(ref inProgress);
        }
    }

    private FakeResponse? Scripted(string method, string target)
    {
        foreach (var script in scripts)
        {
            if (script.Method != method || !target.Contains(script.TargetContains, StringComparison.Ordinal)) continue;
            if (script.Sequence.TryDequeue(out var next)) return next;
            if (script.Always is not null) return script.Always;
        }
        return null;
    }

    /// <summary>429 when this send would exceed a Teams per-thread (or tenant) window; otherwise the send is counted.</summary>
    private FakeResponse? OverLimit(string method, string target, string body, DateTimeOffset now)
    {
        if (!EnforceTeamsLimits || ThreadOf(method, target, body) is not { } thread) return null;
        var threadLog = Log("thread:" + thread, now);
        if (TeamsThreadLimits.Any(w => threadLog.Count(t => t > now - w.Period) >= w.Limit)) return FakeResponse.Throttled(TimeSpan.FromSeconds(1));
        List<DateTimeOffset>? tenantLog = null;
        if (TenantRequestsPerSecond is { } perSecond && TenantOf(body) is { } tenant)
        {
            tenantLog = Log("tenant:" + tenant, now);
            if (tenantLog.Count(t => t > now - TimeSpan.FromSeconds(1)) >= perSecond) return FakeResponse.Throttled(TimeSpan.FromSeconds(1));
        }
        threadLog.Add(now);
        tenantLog?.Add(now);
        return null;
    }

    private List<DateTimeOffset> Log(string key, DateTimeOffset now)
    {
        if (!accepted.TryGetValue(key, out var log)) accepted[key] = log = [];
        log.RemoveAll(t => t <= now - TimeSpan.FromHours(1));
        return log;
    }

    private static string? TenantOf(string body)
    {
        var json = ParseObject(body);
        return (string?)json?["channelData"]?["tenant"]?["id"] ?? (string?)json?["tenantId"];
    }

    private static string? ThreadOf(string method, string target, string body)
    {
        var path = target.Split('?')[0];
        const string marker = "/v3/conversations/";
        var at = path.IndexOf(marker, StringComparison.Ordinal);
        if (at >= 0 && (method == "POST" || method == "PUT") && path.Contains("/activities", StringComparison.Ordinal))
        {
            var id = Uri.UnescapeDataString(path[(at + marker.Length)..].Split('/')[0]);
            var thread = id.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase);
            return thread < 0 ? id : id[..thread];
        }
        if (method == "POST" && path.EndsWith("/v3/conversations", StringComparison.Ordinal))
        {
            var json = ParseObject(body);
            return (string?)json?["channelData"]?["channel"]?["id"] ?? "user:" + (string?)json?["members"]?[0]?["id"];
        }
        return null;
    }

    private FakeResponse Default(string method, string path, string body)
    {
        if (method == "POST" && path.EndsWith("/v3/conversations", StringComparison.Ordinal)) return CreateConversation(body);
        if (method == "POST" && path.Contains("/activities", StringComparison.Ordinal))
            return FakeResponse.Json(201, new JsonObject { ["id"] = (++nextId).ToString(System.Globalization.CultureInfo.InvariantCulture) }.ToJsonString());
        if (method == "PUT" && path.Contains("/activities/", StringComparison.Ordinal))
            return FakeResponse.Json(200, new JsonObject { ["id"] = path[(path.LastIndexOf('/') + 1)..] }.ToJsonString());
        if (method == "GET" && path.EndsWith("/pagedmembers", StringComparison.Ordinal))
            return FakeResponse.Json(200, """{"members":[]}""");
        if (method == "GET" && path.Contains("/members/", StringComparison.Ordinal))
            return FakeResponse.Json(200, new JsonObject { ["id"] = path[(path.LastIndexOf('/') + 1)..], ["name"] = "Fake User" }.ToJsonString());
        return FakeResponse.Error(404, "NotFound", $"{method} {path} is not part of the fake connector");
    }

    /// <summary>Teams' rules as tested live (protocol.md §3.1): 1:1 needs tenant + one member; a thread needs an activity.</summary>
    private FakeResponse CreateConversation(string body)
    {
        var json = ParseObject(body);
        if (json is null) return FakeResponse.Error(400, "BadSyntax", "Incorrect conversation creation parameters");
        if ((bool?)json["isGroup"] == true)
        {
            var channel = (string?)json["channelData"]?["channel"]?["id"];
            if (channel is null || json["activity"] is null) return FakeResponse.Error(400, "BadSyntax", "Incorrect conversation creation parameters");
            var id = (++nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return FakeResponse.Json(201, new JsonObject { ["id"] = $"{channel};messageid={id}", ["activityId"] = id }.ToJsonString());
        }
        var tenant = (string?)json["tenantId"] ?? (string?)json["channelData"]?["tenant"]?["id"];
        if (tenant is null || json["members"] is not JsonArray { Count: 1 } members)
            return FakeResponse.Error(400, "BadSyntax", "Incorrect conversation creation parameters");
        var member = (string?)members[0]?["id"] ?? "";
        return FakeResponse.Json(201, new JsonObject { ["id"] = "a:fake-" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(member)))[..16] }.ToJsonString());
    }

    private static JsonObject? ParseObject(string body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record ScriptEntry(string Method, string TargetContains, Queue<FakeResponse> Sequence, FakeResponse? Always);
}
