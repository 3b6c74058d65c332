using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace VocEdWeek.Bot.Bench.Storage;

/// <summary>
/// One bot as its own process: the VocEdWeek.Bot.dll built next to this program (the project reference copies it here,
/// as it does for the tests' BotProcess), listening on a free loopback port, its output in a log file. Disposing kills it.
/// </summary>
public sealed class BotInstance : IAsyncDisposable
{
    private readonly Process _process;

    private BotInstance(Process process, Uri baseUrl, string log)
    {
        _process = process;
        BaseUrl = baseUrl;
        Log = log;
    }

    public Uri BaseUrl { get; }

    public Uri Messages => new(BaseUrl, "api/messages");

    public string Log { get; }

    /// <summary>Starts the bot with <paramref name="environment"/> and waits (at most a minute) until /healthz answers 200.</summary>
    public static async Task<BotInstance> StartAsync(IReadOnlyDictionary<string, string> environment, string log)
    {
        var port = FreePort();
        var baseUrl = new Uri($"http://127.0.0.1:{port}/");
        var dll = Path.Combine(AppContext.BaseDirectory, "VocEdWeek.Bot.dll");
        // The shell only redirects the output to the log; exec makes the bot the process we hold (and kill).
        var psi = new ProcessStartInfo("sh", ["-c", "exec dotnet \"$0\" --urls \"$1\" >>\"$2\" 2>&1", dll, baseUrl.ToString().TrimEnd('/'), log]);
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        foreach (var (k, v) in environment) psi.Environment[k] = v;
        var process = Process.Start(psi) ?? throw new InvalidOperationException("dotnet did not start.");
        var bot = new BotInstance(process, baseUrl, log);
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(1))
        {
            if (process.HasExited) break;
            try
            {
                using var response = await http.GetAsync(new Uri(baseUrl, "healthz"));
                if (response.StatusCode == HttpStatusCode.OK) return bot;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        await bot.DisposeAsync();
        throw new InvalidOperationException($"The bot did not become healthy (exited: {process.HasExited}); its output: {log}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
