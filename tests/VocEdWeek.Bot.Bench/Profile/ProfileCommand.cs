using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Bench.Profile;

/// <summary>
/// <c>profile</c>: the bench's setup (real bot, JWT on, replies to the fake connector) answering "help" over N known
/// conversations (each seen once before anything is measured), measured three times — bare endpoint, bot, bot under
/// an EventPipe session on this process — then the trace read back into <c>profile.md</c>.
/// </summary>
public static class ProfileCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        ProfileOptions o;
        try
        {
            o = ProfileOptions.Parse(args);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            await Console.Error.WriteLineAsync($"{ex.Message}\nusage: profile [--kind help|submit] [--duration 15] [--warmup 5] [--connections 16] [--conversations 2000] [--stream known|first] [--out DIR]");
            return 2;
        }
        using var watchdog = Watchdog(o.Deadline);
        Directory.CreateDirectory(o.Out);
        var trace = Path.Combine(o.Out, "bot.nettrace");
        var rows = new List<Measured>();
        Measured traced;
        long connectorCalls, botAnswered;
        using var scratch = new TempDir();
        var week = o.Submits ? Compare.BenchWeek.Write(scratch.Path) : null;
        await using (var env = await BenchEnvironment.StartAsync(RepoPaths.Root, week))
        {
            IActivityBodies messages = o.Submits
                ? new ProfileSubmits(env.Connector.ServiceUrl, AuthenticatedBot.AppId, AuthenticatedBot.TenantId)
                : new TeamsMessages(env.Connector.ServiceUrl, AuthenticatedBot.AppId, AuthenticatedBot.TenantId, o.Conversations);
            // First contact: one load for all the bot's rows, so its counter gives every request of every row a new chat.
            IActivityBodies botMessages = o.FirstContact && !o.Submits ? new FirstContactMessages(env.Connector.ServiceUrl, AuthenticatedBot.AppId, AuthenticatedBot.TenantId) : messages;
            using var bare = new ProfileLoad(env.BareUrl, env.Token, messages, o.Connections);
            using var bot = new ProfileLoad(env.BotUrl, env.Token, botMessages, o.Connections);
            var before = env.Connector.CallCount;
            var first = await bot.RunCountAsync(o.Conversations);
            Say($"first {o.Kind} from {o.Conversations} conversations: {first.PerSecond:F0} req/s, errors {first.Errors}");
            var warm = await bot.RunForAsync(o.Warmup);
            await bare.RunForAsync(o.Warmup);
            rows.Add(await Measured.RunAsync("bare", bare, o.Duration));
            rows.Add(await Measured.RunAsync("bot", bot, o.Duration));
            Measured profiled;
            await using (EventPipeRecorder.Start(trace))
            {
                profiled = await Measured.RunAsync("bot, traced", bot, o.Duration);
            }
            rows.Add(traced = profiled);
            botAnswered = first.Requests + warm.Requests + rows.Where(r => r.Target != "bare").Sum(r => r.Load.Requests);
            connectorCalls = env.Connector.CallCount - before;
            // A submit's answer is the receipt in the invoke response: no connector call.
            if (o.Submits) botAnswered = 0;
        }
        foreach (var r in rows) Say($"{r.Target,-12} {r.Load.PerSecond,7:F0} req/s  p99 {r.Load.PercentileMs(99):F1} ms  {r.CpuUsPerRequest:F0} µs CPU/req  {r.AllocatedKbPerRequest:F1} KB/req  errors {r.Load.Errors}");
        Say($"connector calls {connectorCalls} for {botAnswered} bot answers; reading {trace}");

        var setup = Inv($"{Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}, server GC {GCSettings.IsServerGC}; {o.Kind}; {o.Connections} connections, {(o.FirstContact ? "every bot request from a chat never seen (first contact)" : Inv($"{o.Conversations} known conversations"))}, {o.Duration.TotalSeconds:F0} s per row, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; connector calls {connectorCalls} for {botAnswered} bot answers.");
        var title = o.Submits ? "the daily report card submitted (Action.Execute)" : o.FirstContact ? "\"help\" from chats never seen (first contact)" : "\"help\" to known conversations";
        var report = ProfileReport.Format(rows, traced, TraceReader.Read(trace), setup, title);
        var file = Path.Combine(o.Out, "profile.md");
        await File.WriteAllTextAsync(file, report);
        Say($"wrote {file}");
        var failed = rows.Any(r => r.Load.Errors > 0) || connectorCalls != botAnswered;
        return failed ? 1 : 0;
    }

    private static Timer Watchdog(TimeSpan deadline) => new(_ =>
    {
        Console.Error.WriteLine(Inv($"profile watchdog: still running after {deadline.TotalSeconds:F0} s; exiting."));
        Environment.Exit(3);
    }, null, deadline, Timeout.InfiniteTimeSpan);

    private static void Say(string line) => Console.WriteLine(line);

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
