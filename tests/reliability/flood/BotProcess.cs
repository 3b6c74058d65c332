using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace VocEdWeek.Bot.Reliability;

/// <summary>
/// The published bot as its own process on 127.0.0.1 (<c>dotnet VocEdWeek.Bot.dll</c>), configured through
/// environment variables as a server would be, with its console log kept line by line (single-line format, so
/// an entry is one line and anything else is a continuation such as a stack trace).
/// </summary>
public sealed class BotProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<(DateTimeOffset At, string Line)> lines = new();

    private BotProcess(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
    }

    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    public Uri Messages => new(BaseUrl, "api/messages");

    public int Id => process.Id;

    public IReadOnlyList<(DateTimeOffset At, string Line)> Lines => lines.ToArray();

    public static async Task<BotProcess> StartAsync(string botDll, IDictionary<string, string> settings)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(botDll);
        start.ArgumentList.Add("--urls");
        // Port 0: the bot takes a free port itself and logs it, so no other program on the machine can take it in between.
        start.ArgumentList.Add("http://127.0.0.1:0");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
        start.Environment["Logging__LogLevel__Default"] = "Information";
        start.Environment["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning";
        start.Environment["Logging__LogLevel__System.Net.Http.HttpClient"] = "Warning";
        foreach (var (key, value) in settings) start.Environment[key] = value;
        var bot = new BotProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"));
        bot.process.BeginOutputReadLine();
        bot.process.BeginErrorReadLine();
        using var http = new HttpClient();
        for (var i = 0; i < 600; i++)
        {
            if (bot.process.HasExited) break;
            var listening = bot.Lines.Select(l => l.Line).FirstOrDefault(l => l.Contains("Now listening on: http://127.0.0.1:", StringComparison.Ordinal));
            if (listening is null)
            {
                await Task.Delay(100);
                continue;
            }
            bot.BaseUrl = new Uri(listening[listening.IndexOf("http://", StringComparison.Ordinal)..].Trim().TrimEnd('/') + "/");
            try
            {
                if ((await http.GetAsync(new Uri(bot.BaseUrl, "healthz"))).IsSuccessStatusCode) return bot;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100);
        }
        await bot.DisposeAsync();
        throw new InvalidOperationException("The bot did not start:\n" + string.Join("\n", bot.Lines.Select(l => l.Line)));
    }

    /// <summary>Resident memory of the bot process (VmRSS), in MiB.</summary>
    public double RssMegabytes()
    {
        foreach (var line in File.ReadLines($"/proc/{process.Id}/status"))
        {
            if (!line.StartsWith("VmRSS:", StringComparison.Ordinal)) continue;
            var kb = line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
            return double.Parse(kb, CultureInfo.InvariantCulture) / 1024;
        }
        return 0;
    }

    /// <summary>Log entries since <paramref name="from"/> by level ("info", "warn", "fail", "crit"; "other" = continuation lines).</summary>
    public IReadOnlyDictionary<string, int> LevelsSince(DateTimeOffset from)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal) { ["info"] = 0, ["warn"] = 0, ["fail"] = 0, ["crit"] = 0, ["other"] = 0 };
        foreach (var (at, line) in Lines.Where(l => l.At >= from))
        {
            var level = line.Length > 5 && line[4] == ':' && counts.ContainsKey(line[..4]) ? line[..4] : "other";
            counts[level]++;
        }
        return counts;
    }

    /// <summary>Stops it as systemd would (SIGINT, then waits); killed only if it hangs.</summary>
    public async Task StopAsync()
    {
        if (process.HasExited) return;
        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null) lines.Enqueue((DateTimeOffset.UtcNow, line));
    }
}
