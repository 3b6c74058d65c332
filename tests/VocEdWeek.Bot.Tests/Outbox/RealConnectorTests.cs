using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Outbox;
using VocEdWeek.Bot.Protocol;
using VocEdWeek.Bot.Tests.Fakes;
using static VocEdWeek.Bot.Tests.Fakes.DeliveryWorld;

namespace VocEdWeek.Bot.Tests.Outbox;

/// <summary>The outbox over the production connector client (AddBotProtocol, anonymous) against the FakeConnector's HTTP answers.</summary>
public sealed class RealConnectorTests
{
    private const string ZhangWei = "11a150a0-0000-4000-8000-000000000001";
    private const string LiNa = "11a150a0-0000-4000-8000-000000000002";
    private const string ChenJing = "11a150a0-0000-4000-8000-000000000005";

    private static ServiceProvider Protocol()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = "",
            ["Connector:MaxAttempts"] = "1",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddBotProtocol(configuration, new HostingEnvironment { EnvironmentName = "Development" });
        return services.BuildServiceProvider();
    }

    private static string Activities(string conversationId) => Uri.EscapeDataString(conversationId) + "/activities";

    [Fact]
    public async Task OneClickReceipt_OverTheRealConnector_ShowsEachHttpAnswerInWords()
    {
        await using var fake = await FakeConnector.StartAsync();
        await using var protocol = Protocol();
        using var world = new DeliveryWorld(Beijing(5, 14, 10, 0), messenger: protocol.GetRequiredService<IMessenger>()) { TurnServiceUrl = fake.ServiceUrl };
        world.Talked(DeliveryWorld.StaffAad);
        world.Talked(ZhangWei);
        fake.ScriptAlways("POST", Activities(world.Talked(LiNa)), FakeResponse.Error(403, "BotNotInConversationRoster", "The bot is not part of the conversation roster."));
        fake.ScriptAlways("POST", Activities(world.Talked(ChenJing)), FakeResponse.Error(403, "ConversationBlockedByUser", "User blocked the conversation with the bot."));

        var answer = await world.ClickAsync(DeliveryWorld.StaffAad, "吴苏玲",
            new JsonObject { ["verb"] = "remind.missing", ["weekId"] = "2024-wuxi", ["itemKey"] = "report:2024-05-14" });
        var receipt = string.Join("\n", CardJson.Elements(answer.Card()["body"]).Select(e => (string?)e["text"]).OfType<string>());
        Assert.Contains("已送达 1 人 · 未送达 5 人", receipt);
        Assert.Contains("**李娜（信息工程学院）**　应用未为该用户安装", receipt);
        Assert.Contains("**陈静（设计艺术学院）**　用户已屏蔽机器人", receipt);
        Assert.Contains("**王强（经济管理学院）**　未在 Teams 中找到（仅有邮箱，尚未与机器人对话）", receipt);

        var delivered = Assert.Single(fake.RequestsTo("POST", Activities($"a:{ZhangWei}")));
        Assert.Equal(201, delivered.Status);
        Assert.Contains("form.open", delivered.Body);
        Assert.Contains("\"alert\":true", delivered.Body);
    }

    [Fact]
    public async Task NotFound_AndThrottled_OverTheRealConnector()
    {
        await using var fake = await FakeConnector.StartAsync();
        await using var protocol = Protocol();
        using var world = new DeliveryWorld(Beijing(5, 14, 10, 0), messenger: protocol.GetRequiredService<IMessenger>()) { TurnServiceUrl = fake.ServiceUrl };
        var ghost = world.Talked("0b0b0b0b-0000-4000-8000-000000000001");
        var busy = world.Talked("0b0b0b0b-0000-4000-8000-000000000002");
        fake.ScriptAlways("POST", Activities(ghost), FakeResponse.Error(404, "NotFound", "User not found"));
        fake.ScriptAlways("POST", Activities(busy), FakeResponse.Throttled(TimeSpan.FromSeconds(1)));
        var outbox = world.Get<OutboxQueue>();
        outbox.Enqueue(outbox.NewJob("real|ghost", "test", new OutboxRecipient { AadObjectId = "0b0b0b0b-0000-4000-8000-000000000001", Name = "ghost" }, OutgoingMessage.FromText("hi")));
        outbox.Enqueue(outbox.NewJob("real|busy", "test", new OutboxRecipient { AadObjectId = "0b0b0b0b-0000-4000-8000-000000000002", Name = "busy" }, OutgoingMessage.FromText("hi")));
        await world.DrainAsync();

        var t = Strings.For("zh-CN");
        Assert.Equal("Teams 中找不到该用户", OutcomeWords.Of(world.Jobs.Find("real|ghost")!, t));
        var throttled = world.Jobs.Find("real|busy")!;
        Assert.Equal(OutboxState.Pending, throttled.State);
        Assert.Equal("发送受限，稍后重试", OutcomeWords.Of(throttled, t));
    }

    [Fact]
    public async Task A_send_Teams_may_have_taken_without_answering_is_reported_not_resent()
    {
        // Timeout or a dropped connection after the message went out: Teams has no idempotency key, so a second
        // POST could show the reminder twice. The job is closed as unconfirmed, in words, and never sent again.
        await using var fake = await FakeConnector.StartAsync();
        await using var protocol = Protocol();
        using var world = new DeliveryWorld(Beijing(5, 14, 10, 0), messenger: protocol.GetRequiredService<IMessenger>()) { TurnServiceUrl = fake.ServiceUrl };
        var silent = world.Talked("0b0b0b0b-0000-4000-8000-000000000003");
        fake.ScriptAlways("POST", Activities(silent), FakeResponse.Dropped());
        var outbox = world.Get<OutboxQueue>();
        outbox.Enqueue(outbox.NewJob("real|silent", "test", new OutboxRecipient { AadObjectId = "0b0b0b0b-0000-4000-8000-000000000003", Name = "silent" }, OutgoingMessage.FromText("hi")));

        await world.DrainAsync();
        world.Clock.Advance(TimeSpan.FromHours(1));
        await world.DrainAsync();

        var job = world.Jobs.Find("real|silent")!;
        Assert.Equal(OutboxState.Failed, job.State);
        Assert.Equal(OutboxOutcome.Unconfirmed, job.Outcome);
        Assert.Contains("未确认是否送达", OutcomeWords.Of(job, Strings.For("zh-CN")), StringComparison.Ordinal);
        Assert.Single(fake.RequestsTo("POST", Activities(silent)));
    }
}
