using System.Globalization;
using System.Net;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Bench;

/// <summary>
/// Entry point. Not top-level statements: the generated <c>Program</c> would clash with the bot's.
/// </summary>
public static class BenchMain
{
    public static async Task<int> Main(string[] args)
    {
        // Side by side with Microsoft's SDK (compare.sh), and the bare endpoint as a process of its own for it.
        if (args is ["--compare", .. var compare]) return await Compare.CompareMain.RunAsync(compare);
        if (args is ["--bare-port", var port]) return await ServeBareAsync(int.Parse(port, CultureInfo.InvariantCulture));
        // The profile of the bot's request path (Profile/, profile.sh) shares this setup but not the measured rows.
        if (args is ["profile", .. var rest]) return await Profile.ProfileCommand.RunAsync(rest);
        if (args is ["analyze", .. var trace]) return Profile.AnalyzeCommand.Run(trace);
        if (args is ["store-submits", .. var store]) return await Profile.StoreSubmits.RunAsync(store);
        if (args is ["perf-areas", .. var perf]) return Profile.PerfAreas.Run(perf);
        if (args is ["render-cards", .. var render]) return Profile.RenderCards.Run(render);
        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            await Console.Error.WriteLineAsync($"{ex.Message}\nusage: --duration 10 --warmup 3 --connections 16,64 [--targets bare,bot] [--results FILE] | --serve SECONDS --endpoints FILE");
            return 2;
        }
        StartWatchdog(options.Deadline);

        await using var env = await BenchEnvironment.StartAsync(RepoPaths.Root);
        if (await SmokeTestAsync(env) is { } problem)
        {
            await Console.Error.WriteLineAsync($"Bench setup is broken: {problem}");
            return 1;
        }
        return options.Serve is { } serve
            ? await ServeAsync(env, serve, options.EndpointsFile)
            : await MeasureAsync(env, options);
    }

    private static async Task<int> MeasureAsync(BenchEnvironment env, BenchOptions options)
    {
        Console.WriteLine(Inv($"{Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, server GC {GCSettings.IsServerGC}"));
        Console.WriteLine(Inv($"warm-up {options.Warmup.TotalSeconds:F0} s + measured {options.Duration.TotalSeconds:F0} s per row; bot = {env.BotUrl}, bare = {env.BareUrl}"));
        var results = new List<RunResult>();
        foreach (var connections in options.Connections)
        {
            foreach (var target in options.Targets)
            {
                var before = env.Connector.CallCount;
                var url = target == "bot" ? env.BotUrl : env.BareUrl;
                var probe = ProcessProbe.StartAfter(options.Warmup);
                var result = await LoadRunner.RunAsync(target, url, env.Token, env.Messages, connections, options.Warmup, options.Duration);
                result = result with { Process = await probe.StopAsync() };
                if (target == "bot") result = result with { ConnectorReplies = env.Connector.CallCount - before };
                results.Add(result);
                Console.WriteLine(Inv($"  {target,-4} x{connections,-3} {result.RequestsPerSecond,8:F0} req/s  p50 {result.P50Ms:F2} ms  p99 {result.P99Ms:F2} ms  errors {result.Errors}"));
            }
        }
        var table = ResultTable.Format(results);
        Console.WriteLine();
        Console.Write(table);
        if (options.ResultsFile is { } file) await File.WriteAllTextAsync(file, table);
        var repliesMissing = results.Any(r => r.ConnectorReplies is { } c && c != r.Answered);
        return results.Any(r => r.Errors > 0) || repliesMissing ? 1 : 0;
    }

    /// <summary>For wrk: write where the targets are and the token, then wait for the time limit or a signal.</summary>
    private static async Task<int> ServeAsync(BenchEnvironment env, TimeSpan limit, string? endpointsFile)
    {
        using var stop = new CancellationTokenSource(limit);
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
        var endpoints = new StringBuilder()
            .AppendLine(Inv($"BENCH_BOT_URL={env.BotUrl}"))
            .AppendLine(Inv($"BENCH_BARE_URL={env.BareUrl}"))
            .AppendLine(Inv($"BENCH_SERVICE_URL={env.Connector.ServiceUrl}"))
            .AppendLine(Inv($"BENCH_APP_ID={AuthenticatedBot.AppId}"))
            .AppendLine(Inv($"BENCH_TENANT_ID={AuthenticatedBot.TenantId}"))
            .AppendLine(Inv($"BENCH_TOKEN={env.Token}"))
            .ToString();
        var file = endpointsFile ?? "bench-endpoints.env";
        // Written under a temporary name and renamed, so a reader never sees half a file.
        await File.WriteAllTextAsync(file + ".tmp", endpoints);
        File.Move(file + ".tmp", file, overwrite: true);
        Console.WriteLine(Inv($"serving bot {env.BotUrl} and bare {env.BareUrl} for at most {limit.TotalSeconds:F0} s"));
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
        }
        File.Delete(file);
        Console.WriteLine(Inv($"CONNECTOR_CALLS {env.Connector.CallCount}"));
        return 0;
    }

    /// <summary>Serves only the bare endpoint on this port until SIGTERM/SIGINT.</summary>
    private static async Task<int> ServeBareAsync(int port)
    {
        await using var bare = await BareEndpoint.StartAsync(port);
        using var stop = new CancellationTokenSource();
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
        Console.WriteLine(Inv($"bare endpoint at {bare.Url}"));
        await Task.Delay(Timeout.Infinite, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        return 0;
    }

    /// <summary>No token is 401; a valid one is 200 and exactly one reply reaches the connector.</summary>
    private static async Task<string?> SmokeTestAsync(BenchEnvironment env)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        async Task<HttpStatusCode> Post(string? token)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, env.BotUrl)
            {
                Content = new ByteArrayContent(env.Messages.Body($"smoke-{Guid.NewGuid():N}", 0)) { Headers = { ContentType = new("application/json") } },
            };
            if (token is not null) request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
            using var response = await http.SendAsync(request);
            return response.StatusCode;
        }
        if (await Post(null) is var anonymous && anonymous != HttpStatusCode.Unauthorized) return $"no token gave {anonymous}, not 401";
        var before = env.Connector.CallCount;
        if (await Post(env.Token) is var ok && ok != HttpStatusCode.OK) return $"a valid token gave {ok}, not 200";
        if (env.Connector.CallCount - before != 1) return $"{env.Connector.CallCount - before} connector calls for one help message, not 1";
        return null;
    }

    private static void StartWatchdog(TimeSpan deadline) => _ = Task.Delay(deadline).ContinueWith(_ =>
    {
        Console.Error.WriteLine(Inv($"Bench watchdog: still running after {deadline.TotalSeconds:F0} s; exiting."));
        Environment.Exit(3);
    }, TaskScheduler.Default);

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
