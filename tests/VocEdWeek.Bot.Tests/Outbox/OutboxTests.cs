using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Identity;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Outbox;
using VocEdWeek.Bot.Tests.Fakes;
using static VocEdWeek.Bot.Tests.Fakes.DeliveryWorld;

namespace VocEdWeek.Bot.Tests.Outbox;

/// <summary>The LiteDB outbox: idempotent keys, restarts, opening 1:1 chats, and outcomes in the office's words.</summary>
public sealed class OutboxTests
{
    private const string Aad = "5e5e5e5e-0000-4000-8000-000000000001";

    private static OutboxJob Job(DeliveryWorld world, string key, OutboxRecipient to, string text = "你好") =>
        world.Get<OutboxQueue>().NewJob(key, "test", to, OutgoingMessage.FromText(text));

    private static OutboxRecipient Person(string aad = Aad, string name = "测试") => new() { AadObjectId = aad, Name = name };

    [Fact]
    public async Task SameKey_IsStoredOnce_AndSentOnce()
    {
        using var world = new DeliveryWorld(Beijing(5, 14, 9, 0));
        world.Talked(Aad);
        var outbox = world.Get<OutboxQueue>();
        Assert.True(outbox.Enqueue(Job(world, "job|slot|a", Person(), "第一次")).IsNew);
        var again = outbox.Enqueue(Job(world, "job|slot|a", Person(), "第二次"));
        Assert.False(again.IsNew);
        Assert.Contains("第一次", again.Job.Payload);
        await world.DrainAsync();
        await world.DrainAsync();
        Assert.False(outbox.Enqueue(Job(world, "job|slot|a", Person())).IsNew);
        await world.DrainAsync();
        var sent = Assert.Single(world.Messenger.Sent);
        Assert.Equal("第一次", sent.Message.Text);
        Assert.Equal(OutboxState.Sent, world.Jobs.Find("job|slot|a")!.State);
    }

    [Fact]
    public async Task Restart_ResumesPendingJobs_InOrderPerRecipient()
    {
        using var world = new DeliveryWorld(Beijing(5, 14, 9, 0));
        world.Talked(Aad);
        var outbox = world.Get<OutboxQueue>();
        for (var i = 1; i <= 3; i++)
        {
            outbox.Enqueue(Job(world, $"job|{i}|a", Person(), $"第{i}条"));
            world.Clock.Advance(TimeSpan.FromMilliseconds(10));
        }
        world.Restart();
        Assert.Equal(3, world.Jobs.Count(OutboxState.Pending));
        await world.DrainAsync();
        Assert.Equal(["第1条", "第2条", "第3条"], world.Messenger.Sent.Select(s => s.Message.Text));
        Assert.Equal(3, world.Jobs.Count(OutboxState.Sent));
    }

    [Fact]
    public async Task AJobCutOffByACrash_IsNotSentAgain()
    {
        using var world = new DeliveryWorld(Beijing(5, 14, 9, 0));
        world.Talked(Aad);
        var job = Job(world, "job|crash|a", Person());
        world.Get<OutboxQueue>().Enqueue(job);
        job.State = OutboxState.Sending; // the process died after marking it, maybe after Teams got it
        world.Jobs.Update(job);
        world.Restart();
        await world.DrainAsync();
        Assert.Empty(world.Messenger.Sent);
        var after = world.Jobs.Find("job|crash|a")!;
        Assert.Equal(OutboxState.Failed, after.State);
        Assert.Equal(OutboxOutcome.Interrupted, after.Outcome);
    }

    public static TheoryData<string, int, string, OutboxState, string> Outcomes => new()
    {
        { "ConversationBlockedByUser", 403, "RecipientGone", OutboxState.Gone, "用户已屏蔽机器人" },
        { "MessageWritesBlocked", 403, "RecipientGone", OutboxState.Gone, "用户已屏蔽机器人" },
        { "ForbiddenOperationException", 403, "RecipientGone", OutboxState.Gone, "应用未为该用户安装" },
        { "BotNotInConversationRoster", 403, "RecipientGone", OutboxState.Gone, "应用未为该用户安装" },
        { "BotDisabledByAdmin", 403, "RecipientGone", OutboxState.Gone, "租户管理员已停用本应用" },
        { "UserNotFound", 404, "RecipientGone", OutboxState.Gone, "Teams 中找不到该用户" },
        { "Throttled", 429, "ThrottledGaveUp", OutboxState.Pending, "发送受限，稍后重试" },
        { "ServiceError", 502, "Failed", OutboxState.Pending, "排队发送中" },
        { "BadArgument", 400, "Failed", OutboxState.Failed, "发送失败" },
        { "MessageSizeTooBig", 413, "Failed", OutboxState.Failed, "发送失败" },
    };

    [Theory]
    [MemberData(nameof(Outcomes))]
    public async Task EachConnectorAnswer_IsRecorded_InWords(string code, int status, string delivery, OutboxState state, string words)
    {
        using var world = new DeliveryWorld(Beijing(5, 14, 9, 0));
        var chat = world.Talked(Aad);
        world.Messenger.Answer(chat, ScriptedMessenger.Error(status, code, Enum.Parse<DeliveryStatus>(delivery)));
        world.Get<OutboxQueue>().Enqueue(Job(world, "job|outcome|a", Person()));
        await world.DrainAsync();
        var job = world.Jobs.Find("job|outcome|a")!;
        Assert.Equal(state, job.State);
        Assert.Equal(words, OutcomeWords.Of(job, Strings.For("zh-CN")));
        Assert.Contains(code, job.OutcomeDetail);
        Assert.NotEmpty(OutcomeWords.Of(job, Strings.For("en-US")));
    }

    [Fact]
    public async Task Throttled_IsRetriedLater_ThenDelivered_OrGivenUpAfterMaxAttempts()
    {
        using var world = new DeliveryWorld(Beijing(5, 14, 9, 0), new() { ["Outbox:MaxAttempts"] = "3" });
        var chat = world.Talked(Aad);
        var throttled = ScriptedMessenger.Error(429, "Throttled", DeliveryStatus.ThrottledGaveUp);
        world.Messenger.Answer(chat, throttled, new SendResult(DeliveryStatus.Delivered, "m-1", 201));
        world.Get<OutboxQueue>().Enqueue(Job(world, "job|retry|a", Person()));
        await world.DrainAsync();
        var job = world.Jobs.Find("job|retry|a")!;
        Assert.Equal(OutboxState.Pending, job.State);
        Assert.Equal(world.Clock.GetUtcNow().UtcDateTime.AddSeconds(30), job.NextAttemptAt);
        world.Clock.Advance(TimeSpan.FromSeconds(29));
        await world.DrainAsync();
        Assert.Empty(world.Messenger.Sent);
        world.Clock.Advance(TimeSpan.FromSeconds(1));
        await world.DrainAsync();
        Assert.Equal(OutboxState.Sent, world.Jobs.Find("job|retry|a")!.State);
        Assert.Equal(2, world.Jobs.Find("job|retry|a")!.Attempts);

        var other = world.Talked("5e5e5e5e-0000-4000-8000-000000000002");
        world.Messenger.Answer(other, throttled);
        world.Get<OutboxQueue>().Enqueue(Job(world, "job|retry|b", Person("5e5e5e5e-0000-4000-8000-000000000002")));
        for (var i = 0; i < 5; i++)
        {
            await world.DrainAsync();
            world.Clock.Advance(TimeSpan.FromMinutes(10));
        }
        var gaveUp = world.Jobs.Find("job|retry|b")!;
        Assert.Equal(OutboxState.Failed, gaveUp.State);
        Assert.Equal(3, gaveUp.Attempts);
    }

    [Fact]
    public async Task NoStoredChat_OpensOne_WithTheTenantOfAStoredConversation_AndKeepsIt()
    {
        using var world = new DeliveryWorld(Beijing(5, 14, 9, 0));
        world.SetDigestChannel();
        var outbox = world.Get<OutboxQueue>();
        outbox.Enqueue(Job(world, "job|open|1", Person()));
        await world.DrainAsync();
        var created = Assert.Single(world.Messenger.Created);
        Assert.Equal((ServiceUrl, Tenant, Aad), created);
        Assert.Equal($"a:opened-{Aad}", world.Messenger.Sent.Single().Conversation.ConversationId);
        Assert.NotNull(world.Get<IConversationStore>().FindPersonal(Aad, null));

        outbox.Enqueue(Job(world, "job|open|2", Person()));
        await world.DrainAsync();
        Assert.Single(world.Messenger.Created);
        Assert.Equal(2, world.Messenger.SentTo($"a:opened-{Aad}").Count);
    }

    [Fact]
    public async Task OpeningRefused_IsNotInstalled_AndEmailOnly_IsNotYetReachable_UntilTheyTalk()
    {
        using var world = new DeliveryWorld(Beijing(5, 14, 9, 0));
        world.SetDigestChannel();
        world.Messenger.CannotOpen.Add(Aad);
        var outbox = world.Get<OutboxQueue>();
        outbox.Enqueue(Job(world, "job|refused", Person()));
        outbox.Enqueue(Job(world, "job|email", new OutboxRecipient { Email = "wangqiang@college.example.edu.cn", Name = "王强" }));
        await world.DrainAsync();
        Assert.Equal("应用未为该用户安装", OutcomeWords.Of(world.Jobs.Find("job|refused")!, Strings.For("zh-CN")));
        var email = world.Jobs.Find("job|email")!;
        Assert.Equal(OutboxState.Gone, email.State);
        Assert.Equal("未在 Teams 中找到（仅有邮箱，尚未与机器人对话）", OutcomeWords.Of(email, Strings.For("zh-CN")));
        Assert.Equal("not yet reachable in Teams (e-mail only, never talked to the bot)", OutcomeWords.Of(email, Strings.For("en-US")));

        // 王强 talks to the bot: the connector tells his e-mail (cached as a known user); his chat is stored.
        world.Get<IKnownUserStore>().Save(new KnownUser { Id = "29:wq", AadObjectId = "77777777-0000-4000-8000-000000000007", Email = "WangQiang@college.example.edu.cn", CheckedAt = DateTime.UtcNow });
        world.Talked("77777777-0000-4000-8000-000000000007", "29:wq");
        outbox.Enqueue(Job(world, "job|email|2", new OutboxRecipient { Email = "wangqiang@college.example.edu.cn", Name = "王强" }));
        await world.DrainAsync();
        Assert.Equal(OutboxState.Sent, world.Jobs.Find("job|email|2")!.State);
        Assert.Single(world.Messenger.SentTo("a:77777777-0000-4000-8000-000000000007"));
    }

    [Fact]
    public async Task ChatGone404_IsOpenedAgain_AndTheMessageResent()
    {
        using var world = new DeliveryWorld(Beijing(5, 14, 9, 0));
        var chat = world.Talked(Aad);
        world.Messenger.Answer(chat, ScriptedMessenger.Error(404, "ConversationNotFound", DeliveryStatus.RecipientGone));
        world.Get<OutboxQueue>().Enqueue(Job(world, "job|404", Person()));
        await world.DrainAsync();
        Assert.Equal(OutboxState.Sent, world.Jobs.Find("job|404")!.State);
        Assert.Single(world.Messenger.SentTo($"a:opened-{Aad}"));
    }

    [Fact]
    public async Task SendNow_ReturnsOutcomes_ForTheReceipt()
    {
        using var world = new DeliveryWorld(Beijing(5, 14, 9, 0));
        var ok = world.Talked(Aad);
        var blocked = world.Talked("5e5e5e5e-0000-4000-8000-000000000002");
        world.Messenger.Answer(blocked, ScriptedMessenger.Error(403, "ConversationBlockedByUser", DeliveryStatus.RecipientGone));
        var outbox = world.Get<OutboxQueue>();
        outbox.Enqueue(Job(world, "now|1", Person()));
        outbox.Enqueue(Job(world, "now|2", Person("5e5e5e5e-0000-4000-8000-000000000002")));
        var jobs = await outbox.SendNowAsync(["now|1", "now|2"], TimeSpan.FromSeconds(5), CancellationToken.None);
        Assert.Equal([OutboxState.Sent, OutboxState.Gone], jobs.Select(j => j.State));
        Assert.Single(world.Messenger.SentTo(ok));
        // The worker finds nothing left to send.
        await world.DrainAsync();
        Assert.Single(world.Messenger.Sent);
    }
}
