using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace VocEdWeek.Bot.Tests.Fakes;

/// <summary>
/// Teams' pre-authorised download links on 127.0.0.1 (Kestrel): a path serves its bytes, or accepts the request and
/// never answers (until the fake is disposed). Every request is signalled, so a test awaits "the bot asked for it".
/// </summary>
public sealed class FakeDownloads : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (byte[] Body, string ContentType)> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _hanging = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _requested = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private int _requests;

    private FakeDownloads(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    public int RequestCount => Volatile.Read(ref _requests);

    public static async Task<FakeDownloads> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeDownloads(app);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        fake.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return fake;
    }

    public string Serve(string path, byte[] body, string contentType = "application/octet-stream")
    {
        _files[path] = (body, contentType);
        return BaseUrl + path;
    }

    /// <summary>Accepts the connection and the request, then sends nothing at all.</summary>
    public string Hang(string path)
    {
        _hanging[path] = 0;
        return BaseUrl + path;
    }

    /// <summary>Completes once a request for <paramref name="path"/> has arrived (before it is answered).</summary>
    public Task Requested(string path) => Signal(path).Task;

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private TaskCompletionSource Signal(string path) => _requested.GetOrAdd(path, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    private async Task HandleAsync(HttpContext ctx)
    {
        var path = ctx.Request.Path.Value ?? "";
        Interlocked.Increment(ref _requests);
        Signal(path).TrySetResult();
        if (_hanging.ContainsKey(path))
        {
            using var both = CancellationTokenSource.CreateLinkedTokenSource(ctx.RequestAborted, _stopping.Token);
            await Task.Delay(Timeout.Infinite, both.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            ctx.Abort();
            return;
        }
        if (!_files.TryGetValue(path, out var file))
        {
            ctx.Response.StatusCode = 404;
            return;
        }
        ctx.Response.ContentType = file.ContentType;
        ctx.Response.ContentLength = file.Body.Length;
        await ctx.Response.Body.WriteAsync(file.Body);
    }
}
