using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace VocEdWeek.Bot.Bench;

/// <summary>
/// Closed-loop load: <c>connections</c> workers, each sending one request at a time over its own
/// keep-alive connection, for warm-up + duration. Only requests that complete inside the measured
/// window count; every request carries the same Authorization header and a fresh activity id. With several URLs (several
/// instances of the bot) each worker sends its requests round-robin over them.
/// </summary>
public static class LoadRunner
{
    public static Task<RunResult> RunAsync(string target, Uri url, string token, IActivityBodies messages,
        int connections, TimeSpan warmup, TimeSpan duration) =>
        RunAsync(target, [url], token, messages, connections, warmup, duration);

    public static async Task<RunResult> RunAsync(string target, IReadOnlyList<Uri> urls, string token, IActivityBodies messages,
        int connections, TimeSpan warmup, TimeSpan duration)
    {
        using var handler = new SocketsHttpHandler
        {
            // Per instance: a worker keeps one connection to each URL it sends to.
            MaxConnectionsPerServer = connections,
            UseProxy = false,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        var window = new Window(Stopwatch.GetTimestamp() + Ticks(warmup), duration);
        var runId = $"{target}-{connections}-{Guid.NewGuid():N}"[..24];
        var workers = Enumerable.Range(0, connections)
            .Select(w => Task.Run(() => WorkerAsync(http, urls, "Bearer " + token, messages, $"{runId}-{w}", w, window)))
            .ToArray();
        return RunResult.From(target, connections, duration, await Task.WhenAll(workers));
    }

    private static async Task<WorkerResult> WorkerAsync(HttpClient http, IReadOnlyList<Uri> urls, string authorization, IActivityBodies messages,
        string idPrefix, int worker, Window window)
    {
        var result = new WorkerResult();
        for (long seq = 0; ; seq++)
        {
            var begin = Stopwatch.GetTimestamp();
            if (begin >= window.To) break;
            // Worker w starts on instance w: the workers' first requests already spread over every instance.
            using var request = new HttpRequestMessage(HttpMethod.Post, urls[(int)((worker + seq) % urls.Count)])
            {
                Content = new ByteArrayContent(messages.Body($"{idPrefix}-{seq}", worker + seq)),
            };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
            string? error = null;
            try
            {
                using var response = await http.SendAsync(request);
                await response.Content.LoadIntoBufferAsync();
                if (response.StatusCode != HttpStatusCode.OK) error = $"HTTP {(int)response.StatusCode}";
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                error = ex.GetType().Name;
            }
            var end = Stopwatch.GetTimestamp();
            if (error is null) result.Answered++;
            if (end < window.From || end > window.To) continue;
            if (error is null)
            {
                result.Latencies.Add(end - begin);
            }
            else
            {
                result.Errors++;
                result.FirstError ??= error;
            }
        }
        return result;
    }

    private static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);

    private sealed record Window(long From, long To)
    {
        public Window(long from, TimeSpan duration) : this(from, from + Ticks(duration))
        {
        }
    }
}
