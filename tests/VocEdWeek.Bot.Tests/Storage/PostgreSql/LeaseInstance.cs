using Microsoft.Extensions.DependencyInjection;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Outbox;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Tests.Files.Intake;

namespace VocEdWeek.Bot.Tests.Storage.PostgreSql;

/// <summary>
/// One real bot (Program, composed for PostgreSQL) named <c>Storage:InstanceName</c> on a shared test database, on its own
/// <see cref="WatchedTimeProvider"/>, with a scripted connector and a downloads server; and the records an instance that
/// died leaves behind (a download it held, a send it had started), written as that instance wrote them.
/// </summary>
public sealed class LeaseInstance : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2024, 5, 14, 9, 30, 0, TimeSpan.FromHours(8));

    /// <summary>The sweep's period here: a value no other loop of the bot waits for, so its timer is told apart.</summary>
    public static readonly TimeSpan Sweep = TimeSpan.FromSeconds(47);

    public const string Chat = "a:chat-zhang";

    private LeaseInstance(TestHost host, WatchedTimeProvider clock, StoredSignal stored)
    {
        Host = host;
        Clock = clock;
        Stored = stored;
    }

    public TestHost Host { get; }

    public WatchedTimeProvider Clock { get; }

    public StoredSignal Stored { get; }

    public T Get<T>() where T : notnull => Host.Get<T>();

    /// <summary>
    /// Starts instance <paramref name="name"/> on <paramref name="connectionString"/>; returns once its sweep has run its
    /// start-up round and waits for the next.
    /// </summary>
    public static async Task<LeaseInstance> StartAsync(string name, string connectionString)
    {
        var clock = new WatchedTimeProvider(Start);
        var stored = new StoredSignal();
        var armed = clock.TimerArmed(Sweep);
        var host = await TestHost.StartAsync(new TestHostOptions
        {
            Settings = new()
            {
                ["Storage:Provider"] = "PostgreSql", ["ConnectionStrings:VocEdWeek"] = connectionString,
                ["Storage:InstanceName"] = name, ["Storage:LeaseSweep"] = Sweep.ToString(),
            },
            Clock = clock,
            Services = s => s.AddSingleton<IMediaStoredObserver>(stored),
            ScriptedConnector = true,
            Downloads = true,
        });
        _ = host.Services; // starts the bot
        await armed.WaitAsync(HangGuard.Limit);
        return new LeaseInstance(host, clock, stored);
    }

    /// <summary>Moves this instance's clock by <paramref name="by"/> and returns once its sweep has run at the new time.</summary>
    public async Task SweepAfterAsync(TimeSpan by)
    {
        var next = Clock.TimerArmed(Sweep);
        Clock.Advance(by);
        await next.WaitAsync(HangGuard.Limit);
    }

    /// <summary>Zhang's chat, on this instance's connector: where the dead instance's messages and file acknowledgements go.</summary>
    public void SaveChat() => Get<IConversationStore>().Save(new ConversationRecord
    {
        Id = Chat, ServiceUrl = Host.Connector!.ServiceUrl, TenantId = "tenant-1", BotId = "28:bot", UserId = "29:zhang",
        UserAadObjectId = "aad-zhang", UserName = "张伟", InstalledAt = Start.UtcDateTime, UpdatedAt = Start.UtcDateTime,
    });

    /// <summary>A photo of one message, pending, held by <paramref name="owner"/> from now for as long as a download may take.</summary>
    public MediaRecord HeldDownload(string owner, string name, string downloadUrl)
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        var record = new MediaRecord
        {
            WeekId = "2024-wuxi", DepartmentId = "jd", ItemKey = "report:2024-05-14", FileName = name, OriginalName = name,
            Kind = MediaKind.Photo, ReceivedAt = now, FromName = "张伟", BatchId = $"{Chat}|m-{name}", SourceKey = $"{Chat}|m-{name}|0",
            State = MediaState.Pending, DownloadUrl = downloadUrl, ConversationId = Chat, Locale = "zh-CN",
            // Written with the record, as one insert: no live instance can take it in between.
            ClaimedBy = owner, ClaimedUntil = now + Get<FileIntakeOptions>().OverallTimeout(null),
        };
        Get<IMediaStore>().AddBatch([record]);
        return record;
    }

    /// <summary>A message to Zhang's chat in <paramref name="state"/>, claimed by <paramref name="owner"/> from now for <c>Outbox:ClaimLease</c>.</summary>
    public OutboxJob ClaimedJob(string owner, string id, OutboxState state)
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        var job = new OutboxJob
        {
            Id = id, Topic = "notice", Recipient = OutboxRecipient.Conversation(Chat, "张伟"),
            Payload = OutboxPayload.Serialize(OutgoingMessage.FromText($"通知 {id}")), State = state, Outcome = OutboxOutcome.Queued,
            Attempts = state == OutboxState.Sending ? 1 : 0, NextAttemptAt = now, CreatedAt = now, UpdatedAt = now,
            ClaimedBy = owner, ClaimedUntil = now + Get<OutboxOptions>().ClaimLease,
        };
        Get<IOutboxStore>().Add(job);
        return job;
    }

    /// <summary>The connector requests whose body carries <paramref name="text"/>.</summary>
    public int Posted(string text) => Host.Connector!.Requests.Count(r => r.Method == "POST" && r.Body.Contains(text, StringComparison.Ordinal));

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
