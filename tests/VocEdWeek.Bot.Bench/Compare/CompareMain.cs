using System.Globalization;

namespace VocEdWeek.Bot.Bench.Compare;

/// <summary>
/// <c>--compare</c>: Microsoft's SDK (botbuilder echo bot), our published bot and a bare ASP.NET Core endpoint, each
/// its own process on core 0, driven by wrk on core 1 against the same fakes; the table goes to compare.md.
/// Exit code 1 when a target is set up wrong, any request failed, or connector calls per request were not 1.
/// </summary>
public static class CompareMain
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        CompareOptions options;
        try
        {
            options = CompareOptions.Parse(args);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            await Console.Error.WriteLineAsync($"{ex.Message}\nusage: --compare --bot-dll PATH [--duration 4] [--warmup 2] [--rounds 3] [--connections 16,64] [--rows known,first] [--results FILE]");
            return 2;
        }
        using var deadline = new CancellationTokenSource(options.Deadline);
        await using var fakes = await CompareFakes.StartAsync(options.KnownConversations);
        var logDir = Path.GetDirectoryName(Path.GetFullPath(options.ResultsFile)) ?? ".";
        var targets = new Dictionary<string, TargetProcess>();
        try
        {
            foreach (var name in options.Targets) targets[name] = Targets.Start(name, fakes, options, logDir);
            using var checks = new TargetChecks(fakes);
            var passes = new List<ExactPass>();
            foreach (var target in targets.Values)
            {
                await target.WaitListeningAsync(TimeSpan.FromSeconds(90));
                var problem = await checks.SmokeTestAsync(target);
                foreach (var row in problem is null ? options.Rows : Array.Empty<StreamKind>())
                {
                    var pass = await checks.PassAsync(target, row, passes.Count);
                    passes.Add(pass);
                    Console.WriteLine(Inv($"{target.Name} (pid {target.Pid}) {row.Name}: {pass.Requests} messages each to its answer, {pass.NotOk} not 200, {pass.ConnectorCalls} connector calls"));
                    if (pass.NotOk > 0) problem = $"{target.Name}: {pass.NotOk} of {pass.Requests} {row.Name} messages not answered 200";
                }
                if (problem is not null)
                {
                    await Console.Error.WriteLineAsync($"Bench setup is broken: {problem} (log: {logDir}/compare-{target.Name}.log)");
                    return 1;
                }
            }
            var samples = await new CompareRun(fakes, options, targets).RunAsync(deadline.Token);
            var notes = Notes(options).ToList();
            var stored = await CountStoredAsync(options, targets, fakes, samples, passes);
            if (stored is not null) notes.Add(stored.ToString());
            var table = CompareTable.Format(samples, passes, CompareEnvironment.Describe(options), notes);
            await File.WriteAllTextAsync(options.ResultsFile, table);
            Console.WriteLine();
            Console.Write(table);
            var exited = targets.Values.Where(t => t.HasExited).Select(t => t.Name).ToList();
            if (exited.Count > 0) await Console.Error.WriteLineAsync($"target(s) died during the run: {string.Join(", ", exited)}");
            var wrong = samples.Any(x => x.Measured.Errors > 0 || !x.ConnectorCallsRight) || passes.Any(p => !p.Right) || stored is { Right: false };
            return wrong || exited.Count > 0 ? 1 : 0;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync(Inv($"Bench deadline: still running after {options.Deadline.TotalSeconds:F0} s; stopped."));
            return 3;
        }
        finally
        {
            foreach (var target in targets.Values) await target.DisposeAsync();
        }
    }

    /// <summary>For the submit row: our bot killed, then its file opened and the reports counted (null without that row).</summary>
    private static async Task<StoredSubmissions?> CountStoredAsync(CompareOptions options, Dictionary<string, TargetProcess> targets,
        CompareFakes fakes, IReadOnlyList<CompareSample> samples, IReadOnlyList<ExactPass> passes)
    {
        if (!options.Rows.Contains(StreamKind.Submit) || !targets.TryGetValue(TargetNames.Bot, out var bot)) return null;
        await bot.DisposeAsync();
        var stored = StoredSubmissions.Count(Targets.BotStorage(fakes), samples, passes);
        Console.WriteLine(stored);
        return stored;
    }

    private static IEnumerable<string> Notes(CompareOptions options)
    {
        foreach (var row in options.Rows) yield return $"row `{row.Name}`: {row.Description}";
        yield return "every request has a unique activity id and the same channel token (minted once, like Teams' hour-long tokens); JWT validation on in both bots against the same local OpenID metadata (signature, issuer, audience, lifetime, msteams endorsement, serviceurl claim)";
        yield return "botbuilder 4.23.3 echo bot (CloudAdapter, ConfigurationBotFrameworkAuthentication, node's own http server) replies \"Echo: help\"; our bot replies with its help card; both get their outgoing token from the same local Entra token endpoint (client credentials, cached)";
        yield return "our bot: published Release, Staging environment (as deployed; Production refuses the rehearsal clock) on the rehearsal clock with the Wuxi week, log levels of appsettings.sample.json; **`Connector:TenantRequestsPerSecond` lifted to 100000** (Teams' per-tenant ceiling, default 30/s, would otherwise cap replies); inbound per-user and per-conversation limits at their defaults";
        yield return "CPU ms/req: the target's utime + stime from /proc/<pid>/stat over the measured run / 2xx answers; core 0 target / busy %: the target's CPU time over the run's wall time, and how busy core 0 was (/proc/stat) — busy far above target means something else on the machine took core 0, below 100 means the target waited for I/O; RSS: largest VmRSS sampled every 100 ms; errors: socket errors + non-2xx + timeouts (summed over rounds)";
        yield return Inv($"sends near a Teams limit: sends the fake connector saw whose 7th, 8th or 60th send before, to the same conversation, came less than 1 s, 2 s or 30 s (Teams' per-thread limits) + {SendPace.Tolerance.TotalMilliseconds:F0} ms earlier: a bot that keeps the limits waited, or was about to, so the run measured Teams' pacing; 0 means the limits stayed out of it");
        yield return Inv($"connector calls/req: counted exactly over messages each awaited to its answer before the rounds (known: the {options.KnownConversations:N0}-conversation warm-up pass; first: 200 new conversations per target); in the wrk runs, where the answers in flight when wrk stops are never counted, calls must lie between the 2xx counted and that plus one per connection per run (checked, else WRONG)");
        yield return string.Create(CultureInfo.InvariantCulture, $"storage of our bot: LiteDB in {Path.GetTempPath()} (TMPDIR)");
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
