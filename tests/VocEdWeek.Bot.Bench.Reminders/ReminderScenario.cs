using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using VocEdWeek.Bot.Handlers;
using VocEdWeek.Bot.App;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Hosting;
using VocEdWeek.Bot.Outbox;
using VocEdWeek.Bot.Protocol;
using VocEdWeek.Bot.Scheduling;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Bench.Reminders;

/// <summary>
/// One run: a fresh LiteDB, the real app (AddBotProtocol + AddBotApp, anonymous local mode) pointed at a
/// FakeConnector that answers 429 past Teams' per-thread limits. "reminders": the 09:00 slot of a report day
/// with N departments, one liaison and one stored 1:1 chat each, so the scheduler queues N reminders.
/// "one thread": N notices to one channel, where the per-thread limits decide the pace.
/// </summary>
public static class ReminderScenario
{
    private const string Tenant = "bench-tenant";
    private static readonly DateTimeOffset Nine = new(2024, 5, 14, 9, 0, 0, TimeSpan.FromHours(8));

    public static async Task<ScenarioResult> RunAsync(string name, int count, bool oneThread, int parallel, int tenantLimit, int clientRps, TimeSpan limit)
    {
        await using var fake = await FakeConnector.StartAsync();
        fake.EnforceTeamsLimits = true;
        fake.TenantRequestsPerSecond = tenantLimit;
        var dir = Directory.CreateTempSubdirectory("vocedweek-bench-reminders-");
        try
        {
            var weekFile = Path.Combine(dir.FullName, "week.json");
            var week = GeneratedWeeks.WithDepartments(oneThread ? 1 : count, backups: false);
            await File.WriteAllTextAsync(weekFile, JsonSerializer.Serialize(week, new JsonSerializerOptions(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull }));
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["MicrosoftAppId"] = "",
                ["Storage:Directory"] = Path.Combine(dir.FullName, "data"),
                ["Week:DefinitionFile"] = weekFile,
                ["Outbox:MaxParallel"] = parallel.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Office:AnnounceStartup"] = "false",
                ["Connector:TenantRequestsPerSecond"] = clientRps.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }).Build();
            var services = new ServiceCollection();
            services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
            services.AddSingleton<IConfiguration>(configuration);
            var clock = new RehearsalTimeProvider(Nine.AddSeconds(1), TimeProvider.System);
            services.AddSingleton<TimeProvider>(clock);
            services.AddBotProtocol(configuration, new BenchHostEnvironment());
            services.AddBotApp(configuration);
            var real = services.Last(d => d.ServiceType == typeof(IMessenger));
            services.AddSingleton(sp => new TimedMessenger(Resolve(sp, real)));
            services.AddSingleton<IMessenger>(sp => sp.GetRequiredService<TimedMessenger>());
            await using var provider = services.BuildServiceProvider();

            var conversations = provider.GetRequiredService<IConversationStore>();
            var outbox = provider.GetRequiredService<OutboxQueue>();
            const string channel = "19:bench-office@thread.tacv2";
            var now = clock.GetUtcNow().UtcDateTime;
            if (oneThread)
            {
                conversations.Save(new ConversationRecord { Id = channel, ServiceUrl = fake.ServiceUrl, TenantId = Tenant, Scope = "Channel", ChannelId = channel, UpdatedAt = now });
            }
            else
            {
                foreach (var person in week.Departments.SelectMany(d => d.Liaisons))
                {
                    conversations.Save(new ConversationRecord
                    {
                        Id = $"a:{person.AadObjectId}", ServiceUrl = fake.ServiceUrl, TenantId = Tenant, Scope = "Personal",
                        UserId = $"29:{person.AadObjectId}", UserAadObjectId = person.AadObjectId, UpdatedAt = now,
                    });
                }
            }

            var queueing = Stopwatch.StartNew();
            if (oneThread)
            {
                for (var i = 0; i < count; i++)
                    outbox.Enqueue(outbox.NewJob($"bench|thread|{i:D4}", "notice", OutboxRecipient.Conversation(channel, "bench channel"), OutgoingMessage.FromText($"第 {i + 1} 条通知")));
            }
            else
            {
                await provider.GetRequiredService<Scheduler>().RunDueAsync(clock.GetUtcNow());
            }
            var queued = queueing.Elapsed;

            var store = provider.GetRequiredService<IOutboxStore>();
            var worker = provider.GetRequiredService<OutboxWorker>();
            var sending = Stopwatch.StartNew();
            while (store.Count(OutboxState.Pending) > 0 && sending.Elapsed < limit)
            {
                if (await worker.RunDueAsync(clock.GetUtcNow()) == 0) await Task.Delay(100);
            }
            var total = sending.Elapsed;

            var jobs = store.ByTopic(oneThread ? "notice" : "reminder");
            var requests = fake.Requests.Where(r => r.Method == "POST" && r.Path.Contains("/activities", StringComparison.Ordinal)).ToList();
            var latencies = provider.GetRequiredService<TimedMessenger>().SendMilliseconds.Order().ToList();
            var times = requests.Where(r => r.Status < 400).Select(r => r.ReceivedAt).Order().ToList();
            return new ScenarioResult(
                name, jobs.Count, jobs.Count(j => j.State == OutboxState.Sent), queued, total,
                requests.Count(r => r.Status == 429),
                jobs.Count(j => j.Outcome == OutboxOutcome.Throttled || j.Attempts > 1),
                Percentiles.Of(latencies, 50), Percentiles.Of(latencies, 99), latencies.Count == 0 ? 0 : latencies[^1],
                Percentiles.MaxInWindow(times, TimeSpan.FromSeconds(1)), requests.Count);
        }
        finally
        {
            try { dir.Delete(recursive: true); } catch (IOException) { }
        }
    }

    private static IMessenger Resolve(IServiceProvider sp, ServiceDescriptor descriptor) =>
        descriptor.ImplementationInstance as IMessenger
        ?? (descriptor.ImplementationFactory is { } factory
            ? (IMessenger)factory(sp)
            : (IMessenger)ActivatorUtilities.CreateInstance(sp, descriptor.ImplementationType!));
}

public sealed record ScenarioResult(
    string Name, int Jobs, int Sent, TimeSpan Queued, TimeSpan Total, int Received429, int ThrottledSends,
    double P50, double P99, double Max, int MaxPerSecond, int Requests)
{
    public double PerSecond => Total.TotalSeconds > 0 ? Sent / Total.TotalSeconds : 0;

    public bool Clean => Sent == Jobs && Received429 == 0 && ThrottledSends == 0;
}
