using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace VocEdWeek.Bot.Bench.Profile;

/// <summary>
/// Closed-loop load for the profile: <c>connections</c> workers on keep-alive connections, the conversation of each
/// request taken from one shared counter, so the stream walks the conversations in order and no conversation gets
/// a burst (Teams' per-conversation send limit, which the bot keeps, would bind otherwise and the profile would
/// show waiting, not work). Either a fixed number of requests (<see cref="RunCountAsync"/>, the warm-up that
/// makes every conversation known) or a fixed time (<see cref="RunForAsync"/>).
/// </summary>
public sealed class ProfileLoad(Uri url, string token, IActivityBodies messages, int connections) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        UseProxy = false,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    }) { Timeout = TimeSpan.FromSeconds(30) };

    private readonly string _authorization = "Bearer " + token;
    private readonly string _run = Guid.NewGuid().ToString("N")[..12];
    private long _next = -1;

    public Task<LoadCounts> RunCountAsync(long requests) => RunAsync(requests, long.MaxValue);

    public Task<LoadCounts> RunForAsync(TimeSpan duration) =>
        RunAsync(long.MaxValue, Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency));

    private async Task<LoadCounts> RunAsync(long requests, long until)
    {
        var start = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, connections).Select(_ => Task.Run(() => WorkerAsync(requests, until))).ToArray();
        var results = await Task.WhenAll(workers);
        var latencies = results.SelectMany(r => r.Latencies).Order().ToArray();
        return new LoadCounts(latencies.Length, results.Sum(r => r.Errors), Stopwatch.GetElapsedTime(start), latencies);
    }

    private async Task<WorkerResult> WorkerAsync(long requests, long until)
    {
        var result = new WorkerResult();
        while (true)
        {
            var begin = Stopwatch.GetTimestamp();
            var sequence = Interlocked.Increment(ref _next);
            if (sequence >= requests || begin >= until) break;
            using var request = new HttpRequestMessage(HttpMethod.Post, url)
            {
                Content = new ByteArrayContent(messages.Body($"profile-{_run}-{sequence}", sequence)),
            };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.TryAddWithoutValidation("Authorization", _authorization);
            try
            {
                using var response = await _http.SendAsync(request);
                await response.Content.LoadIntoBufferAsync();
                if (response.StatusCode == HttpStatusCode.OK) result.Latencies.Add(Stopwatch.GetTimestamp() - begin);
                else result.Errors++;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                result.Errors++;
            }
        }
        return result;
    }

    public void Dispose() => _http.Dispose();
}
