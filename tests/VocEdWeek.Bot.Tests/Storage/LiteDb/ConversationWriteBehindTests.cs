using System.Globalization;
using LiteDB;
using LiteDB.Engine;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Storage.LiteDb.Conversation;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Storage.LiteDb;

/// <summary>
/// A 1:1 chat's reference written behind its turn (<see cref="LiteDbConversationStore.TouchBehindAsync"/>), on a real
/// LiteDB file: the turn goes on at once and the store's reads see the reference before its commit; it is in the file
/// once its batch has committed; installs and a tenant's first chat still wait; a failed write is logged, kept readable
/// and written on its retry; graceful shutdown writes what is queued. The writer is held on an event while writes queue,
/// and retries are driven by a fake clock, never by waiting on the wall clock.
/// </summary>
public sealed class ConversationWriteBehindTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2024, 5, 14, 1, 0, 0, TimeSpan.Zero);
    private readonly TempDir _dir = new();
    private readonly FakeTimeProvider _time = new(T0);
    private readonly CapturingLoggerProvider _logs = new();
    private bool _diskRefuses;

    private string DbPath => Path.Combine(_dir.Path, "bot.db");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task AReferenceWrittenBehind_IsReadAtOnce_AndIsInTheFileOnceItsBatchCommitted()
    {
        using (var db = Open())
        using (var store = Store(db))
        {
            store.Touch(Turn("a:0")); // the tenant has a stored chat: a lost reference could be opened again
            ConversationRecord touched;
            using (var held = HoldWriter(store))
            {
                var turn = store.TouchBehindAsync(Turn("a:1", T0.AddMinutes(1)));
                Assert.True(turn.IsCompletedSuccessfully); // the reply does not wait for the disk
                touched = await turn;

                Assert.Null(Stored(db, "a:1")); // not committed: the writer is held
                Assert.Equal("a:1", store.Find("a:1")?.Id);
                Assert.Equal("a:1", store.FindPersonal("aad-a:1", null)?.Id);
                Assert.Equal("a:1", store.FindPersonal(null, "29:a:1")?.Id);
                Assert.Equal("a:1", store.LatestOfTenant("t1")?.Id);
                touched.ServiceUrl = "https://changed-by-the-caller/"; // the caller's own copy
                Assert.Equal("https://s/", store.Find("a:1")!.ServiceUrl);
            }
            await store.Settled("a:1");
            Assert.Equal(("https://s/", "aad-a:1", T0.AddMinutes(1).UtcDateTime), Fields(Stored(db, "a:1")!));
        }

        using var reopened = Open();
        Assert.Equal(("https://s/", "aad-a:1", T0.AddMinutes(1).UtcDateTime), Fields(Stored(reopened, "a:1")!));
    }

    [Theory]
    [InlineData("install")]
    [InlineData("first chat of the tenant")]
    [InlineData("channel")]
    public async Task WhatARemindersReachDependsOn_StillWaitsForItsCommit(string kind)
    {
        using var db = Open();
        using var store = Store(db);
        if (kind != "first chat of the tenant") store.Touch(Turn("a:0"));
        var turn = kind switch
        {
            "install" => Turn("a:1", kind: TurnKind.BotInstalled),
            "channel" => Turn("19:c@thread.tacv2", scope: ConversationScope.Channel),
            _ => Turn("a:1"),
        };
        Task<ConversationRecord> touching;
        using (var held = HoldWriter(store))
        {
            touching = store.TouchBehindAsync(turn);
            SpinWait.SpinUntil(() => store.Writer.Queued == 1);
            Assert.False(touching.IsCompleted);
        }
        var record = await touching;
        Assert.NotNull(Stored(db, record.Id)); // stored when the turn goes on
    }

    [Fact]
    public async Task AfterARestart_AStoredChatsFirstTurn_FindsItsRecord_NotANewOne()
    {
        // The store skips the read for ids it knows are not in the file; the ids in the file are read at start.
        using (var db = Open())
        using (var store = Store(db))
        {
            store.Touch(Turn("a:0"));
            Assert.True(store.MarkInstalled(store.Touch(Turn("a:1")), T0.UtcDateTime));
        }
        using (var db = Open())
        using (var store = Store(db))
        {
            var touched = await store.TouchBehindAsync(Turn("a:1", T0.AddMinutes(1)));
            Assert.Equal((T0.UtcDateTime, T0.UtcDateTime), (touched.InstalledAt, touched.WelcomedAt));
            Assert.False(store.MarkInstalled(touched, T0.AddMinutes(1).UtcDateTime)); // welcomed once
        }
    }

    [Fact]
    public async Task ADurableTouch_OfAChatStillWrittenBehind_EndsOnlyOnceItIsStored()
    {
        using var db = Open();
        using var store = Store(db);
        store.Touch(Turn("a:0"));
        Task<ConversationRecord> durable;
        using (var held = HoldWriter(store))
        {
            await store.TouchBehindAsync(Turn("a:1"));
            durable = store.TouchAsync(Turn("a:1")); // unchanged, but not committed yet
            Assert.False(durable.IsCompleted);
        }
        await durable;
        Assert.NotNull(Stored(db, "a:1"));
    }

    [Fact]
    public async Task AFailedWriteBehind_IsLogged_StaysReadable_AndIsWrittenOnItsRetry()
    {
        using (var db = Open())
        using (var store = Store(db))
        {
            store.Touch(Turn("a:0"));
            _diskRefuses = true;

            await store.TouchBehindAsync(Turn("a:1"));
            SpinWait.SpinUntil(() => _logs.Entries.Any(e => e.Level == LogLevel.Warning));

            Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("a:1", StringComparison.Ordinal));
            Assert.Equal("a:1", store.Find("a:1")?.Id); // kept while the process lives
            Assert.Null(Stored(db, "a:1"));
            Assert.False(store.Settled("a:1").IsCompleted);

            _diskRefuses = false;
            _time.Advance(WrittenBehind.RetryAfter);
            await store.Settled("a:1");
            Assert.NotNull(Stored(db, "a:1"));
        }
        using var reopened = Open();
        Assert.NotNull(Stored(reopened, "a:1"));
    }

    [Fact]
    public void GracefulShutdown_WritesWhatIsStillQueued()
    {
        using (var db = Open())
        {
            var store = Store(db);
            store.Touch(Turn("a:0"));
            _diskRefuses = true;
            foreach (var i in Enumerable.Range(1, 5)) _ = store.TouchBehindAsync(Turn($"a:{i}"));
            // Every write failed once and waits for its retry on a clock that never moves: only the shutdown writes them.
            SpinWait.SpinUntil(() => _logs.Entries.Count(e => e.Level == LogLevel.Warning) >= 5);
            _diskRefuses = false;

            store.Dispose();

            Assert.All(Enumerable.Range(1, 5), i => Assert.NotNull(Stored(db, $"a:{i}")));
        }
        using var reopened = Open();
        Assert.Equal(6, reopened.Collection<ConversationRecord>("conversations").Count());
        Assert.DoesNotContain(_logs.Entries, e => e.Level == LogLevel.Error);
    }

    [Fact]
    public void AtShutdown_AReferenceThatStillCannotBeStored_IsLoggedAsAnError()
    {
        using var db = Open();
        var store = Store(db);
        store.Touch(Turn("a:0"));
        _diskRefuses = true;
        _ = store.TouchBehindAsync(Turn("a:1"));
        SpinWait.SpinUntil(() => _logs.Entries.Any(e => e.Level == LogLevel.Warning));

        store.Dispose();

        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("a:1", StringComparison.Ordinal));
    }

    private BotDatabase Open() => new(() => new LiteEngine(new EngineSettings { Filename = DbPath }), () =>
    {
        if (_diskRefuses) throw StorageFull.Exception(_dir.Path);
    });

    private LiteDbConversationStore Store(BotDatabase db) =>
        new(db, new LoggerFactory([_logs]).CreateLogger<LiteDbConversationStore>(), _time);

    /// <summary>What the file holds (committed), bypassing the store's memory.</summary>
    private static ConversationRecord? Stored(BotDatabase db, string id) => db.Collection<ConversationRecord>("conversations").FindById(id);

    private static (string, string?, DateTime) Fields(ConversationRecord r) => (r.ServiceUrl, r.UserAadObjectId, r.UpdatedAt);

    private static TurnContext Turn(string id, DateTimeOffset? at = null, ConversationScope scope = ConversationScope.Personal, TurnKind kind = TurnKind.Message) =>
        new(new RefusingMessenger())
        {
            Kind = kind,
            Conversation = new ConversationRef("https://s/", id, "t1", "28:bot", "Bot", scope,
                scope == ConversationScope.Personal ? $"29:{id}" : null, scope == ConversationScope.Personal ? $"aad-{id}" : null,
                scope == ConversationScope.Channel ? "19:team" : null, scope == ConversationScope.Channel ? id : null),
            User = new UserRef($"29:{id}", $"aad-{id}", "U"),
            Culture = CultureInfo.GetCultureInfo("zh-CN"),
            ReceivedAt = at ?? T0,
            Authenticated = true,
        };

    /// <summary>A write that holds the store's writer until disposed: whatever is written meanwhile queues behind it.</summary>
    private static HeldWriter HoldWriter(LiteDbConversationStore store)
    {
        var started = new ManualResetEventSlim();
        var release = new ManualResetEventSlim();
        var write = Task.Factory.StartNew(() => store.Writer.Write(() =>
        {
            started.Set();
            release.Wait();
            return 0;
        }), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        started.Wait();
        return new HeldWriter(write, started, release);
    }

    private sealed class HeldWriter(Task write, ManualResetEventSlim started, ManualResetEventSlim release) : IDisposable
    {
        public void Dispose()
        {
            release.Set();
            write.GetAwaiter().GetResult();
            started.Dispose();
            release.Dispose();
        }
    }
}
