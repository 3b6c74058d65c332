using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace VocEdWeek.Bot.Tests.Fakes;

/// <summary>
/// A minimal Bot Connector on 127.0.0.1 that accepts every call and records it. For tests about what
/// the bot sends, not about how it copes with connector errors (see the connector tests for that).
/// With <c>record: false</c> (load tests) it only counts calls: bodies are read and dropped, nothing is
/// kept or logged, so memory stays flat however many calls arrive.
/// </summary>
public sealed class ConnectorRecorder : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<(Func<JsonNode?, bool> Match, TaskCompletionSource Seen)> _waiters = [];
    private int _ids;

    private ConnectorRecorder(WebApplication app) => _app = app;

    public ConcurrentQueue<(string Method, string Path, JsonNode? Body)> Calls { get; } = new();

    /// <summary>What GET …/members/{id} answers for a Teams user id (e-mail, UPN, Entra id); unknown ids get only their id.</summary>
    public ConcurrentDictionary<string, JsonObject> Members { get; } = new(StringComparer.Ordinal);

    public string ServiceUrl { get; private set; } = "";

    /// <summary>Told every call's path as it arrives, recorded or not (the benchmark watches Teams' send limits with it).</summary>
    public Action<string>? Observe { get; set; }

    /// <summary>Every call answered so far, recorded or not.</summary>
    public int CallCount => Volatile.Read(ref _ids);

    public static async Task<ConnectorRecorder> StartAsync(bool record = true)
    {
        var builder = WebApplication.CreateSlimBuilder();
        if (!record) builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var recorder = new ConnectorRecorder(app);
        app.Run(async ctx =>
        {
            recorder.Observe?.Invoke(Uri.UnescapeDataString(ctx.Request.Path.Value ?? ""));
            if (!record)
            {
                await ctx.Request.Body.CopyToAsync(Stream.Null);
            }
            else
            {
                JsonNode? body = null;
                if (ctx.Request.ContentLength > 0 || ctx.Request.Headers.TransferEncoding.Count > 0)
                {
                    body = await JsonNode.ParseAsync(ctx.Request.Body);
                }
                recorder.Calls.Enqueue((ctx.Request.Method, Uri.UnescapeDataString(ctx.Request.Path.Value ?? ""), body));
                recorder.Signal();
            }
            ctx.Response.StatusCode = ctx.Request.Method == "GET" ? 200 : 201;
            var path = Uri.UnescapeDataString(ctx.Request.Path.Value ?? "");
            var id = $"{Interlocked.Increment(ref recorder._ids)}";
            if (ctx.Request.Method == "GET" && path.Contains("/members/", StringComparison.Ordinal)
                && recorder.Members.TryGetValue(path[(path.LastIndexOf('/') + 1)..], out var member))
            {
                await ctx.Response.WriteAsync(member.ToJsonString());
                return;
            }
            await ctx.Response.WriteAsJsonAsync(new { id });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        recorder.ServiceUrl = address.TrimEnd('/') + "/";
        return recorder;
    }

    /// <summary>Completes when a POST whose body matches has been recorded (already, or later): a signal to await instead of polling.</summary>
    public Task PostedAsync(Func<JsonNode?, bool> match)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waiters) _waiters.Add((match, seen));
        Signal();
        return seen.Task;
    }

    private void Signal()
    {
        var posts = Posts;
        lock (_waiters)
        {
            foreach (var waiter in _waiters.Where(w => posts.Any(w.Match)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Seen.TrySetResult();
            }
        }
    }

    public IReadOnlyList<JsonNode?> Posts => Calls.Where(c => c.Method == "POST").Select(c => c.Body).ToList();

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
