using System.Text.Json.Nodes;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Features.Reminders;
using VocEdWeek.Bot.Tests.Fakes;
using static VocEdWeek.Bot.Tests.Fakes.DeliveryWorld;

namespace VocEdWeek.Bot.Tests.Features.Reminders;

/// <summary>
/// One-click reminders from the office's missing list, their receipt, and the reminder log. In the Wuxi week
/// 张伟 (jd) has talked to the bot; 李娜 (xx) never did and the app is not installed for her; 陈静 (sj)
/// blocked the bot; 王强 (jg), 刘洋 and backup 赵敏 (jz) are known only by e-mail.
/// </summary>
public sealed class RemindersTests
{
    private const string ZhangWei = "11a150a0-0000-4000-8000-000000000001";
    private const string LiNa = "11a150a0-0000-4000-8000-000000000002";
    private const string ChenJing = "11a150a0-0000-4000-8000-000000000005";

    private static JsonObject Remind(string item = "report:2024-05-14") =>
        new() { ["verb"] = "remind.missing", ["weekId"] = "2024-wuxi", ["itemKey"] = item };

    private static DeliveryWorld World(Dictionary<string, string?>? settings = null)
    {
        var world = new DeliveryWorld(Beijing(5, 14, 10, 0), settings);
        world.Talked(ZhangWei);
        world.Talked(DeliveryWorld.StaffAad);
        world.Messenger.CannotOpen.Add(LiNa);
        var chen = world.Talked(ChenJing);
        world.Messenger.Answer(chen, ScriptedMessenger.Error(403, "ConversationBlockedByUser", DeliveryStatus.RecipientGone));
        return world;
    }

    private static string Texts(JsonObject card) => string.Join("\n", CardJson.Elements(card["body"]).Select(e => (string?)e["text"]).OfType<string>());

    [Fact]
    public async Task OneClick_SendsEachMissingLiaison_A1on1Reminder_AndAnswersWithAReceiptInWords()
    {
        using var world = World();
        var answer = await world.ClickAsync(DeliveryWorld.StaffAad, "吴苏玲", Remind());
        var receipt = Texts(answer.Card());

        Assert.Contains("已催报：5月14日（周二）日报", receipt);
        Assert.Contains("已送达 1 人 · 未送达 5 人", receipt);
        Assert.Contains("**李娜（信息工程学院）**　应用未为该用户安装", receipt);
        Assert.Contains("**陈静（设计艺术学院）**　用户已屏蔽机器人", receipt);
        Assert.Contains("**王强（经济管理学院）**　未在 Teams 中找到（仅有邮箱，尚未与机器人对话）", receipt);
        Assert.Contains("**刘洋（建筑工程学院）**　未在 Teams 中找到", receipt);
        Assert.Contains("**赵敏（建筑工程学院）**　未在 Teams 中找到", receipt);
        Assert.Contains("张伟（机电工程学院）", receipt);
        Assert.Equal("reminder.log", (string?)answer.Card()["actions"]!.AsArray().Single()!["verb"]);

        // 张伟's 1:1 reminder: the item, the Beijing deadline, who reminded, and a button that opens the form.
        var reminder = Assert.Single(world.Messenger.SentTo($"a:{ZhangWei}"));
        Assert.True(reminder.Alert);
        Assert.Equal("请提交5月14日（周二）日报（5月14日 12:00 截止）", reminder.Summary);
        var text = Texts(reminder.Cards[0]);
        Assert.Contains("张伟老师，您好！", text);
        Assert.Contains("截止：5月14日 12:00（北京时间）", text);
        Assert.Contains("教务处 吴苏玲 提醒", text);
        var button = reminder.Cards[0]["actions"]!.AsArray().Single()!;
        Assert.Equal("Action.Execute", (string?)button["type"]);
        Assert.Equal("form.open", (string?)button["verb"]);
        Assert.Equal("2024-wuxi", (string?)button["data"]!["weekId"]);
        Assert.Equal("report:2024-05-14", (string?)button["data"]!["itemKey"]);
        Assert.Equal(6, world.ReminderLog().Count);
    }

    [Fact]
    public async Task TheReminderButton_OpensTheRightForm_ForTheLiaison()
    {
        using var world = World();
        await world.ClickAsync(DeliveryWorld.StaffAad, "吴苏玲", Remind());
        var button = world.Messenger.SentTo($"a:{ZhangWei}")[0].Cards[0]["actions"]!.AsArray().Single()!;
        var form = await world.ClickAsync(ZhangWei, "张伟", button["data"]!.AsObject());
        var card = form.Card();
        Assert.Contains(CardJson.Elements(card), a => (string?)a["verb"] == "report.submit");
        Assert.Contains("5月14日", Texts(card));
    }

    [Fact]
    public async Task OnlySubmittedAndExemptDepartments_AreLeftOut_AndBackupsFollowTheSetting()
    {
        using var world = World(new() { ["Reminders:IncludeBackups"] = "false" });
        world.Submit("jd", Report(5, 14), Beijing(5, 14, 9, 30));
        world.Exempt("sj", Report(5, 14));
        var receipt = Texts((await world.ClickAsync(DeliveryWorld.StaffAad, "吴苏玲", Remind())).Card());
        Assert.DoesNotContain("张伟", receipt);
        Assert.DoesNotContain("陈静", receipt);
        Assert.DoesNotContain("赵敏", receipt);
        Assert.Contains("刘洋", receipt);
        Assert.Equal(["jg", "jz", "xx"], world.ReminderLog().Select(e => e.DepartmentId).Order());
    }

    [Fact]
    public async Task ASecondClick_WithinTenMinutes_DoesNotRepeatDeliveredReminders()
    {
        using var world = World();
        await world.ClickAsync(DeliveryWorld.StaffAad, "吴苏玲", Remind());
        world.Clock.Advance(TimeSpan.FromMinutes(3));
        var receipt = Texts((await world.ClickAsync(DeliveryWorld.StaffAad, "吴苏玲", Remind())).Card());
        Assert.Single(world.Messenger.SentTo($"a:{ZhangWei}"));
        Assert.Contains("已送达 0 人 · 未送达 5 人 · 刚提醒过 1 人", receipt);
        Assert.Contains("**张伟（机电工程学院）**　10:00 已提醒过，10 分钟内不重复发送", receipt);

        world.Clock.Advance(TimeSpan.FromMinutes(8));
        await world.ClickAsync(DeliveryWorld.StaffAad, "吴苏玲", Remind());
        Assert.Equal(2, world.Messenger.SentTo($"a:{ZhangWei}").Count);
    }

    [Fact]
    public async Task Liaisons_CannotRemind_AndStaleCardsAreRefused()
    {
        using var world = World();
        var liaison = await world.ClickAsync(ZhangWei, "张伟", Remind());
        Assert.Equal("此功能仅供教务处使用。如需查看本部门的报送情况，请发送“我的提交”。", (string?)liaison.Body!["value"]);
        var stale = await world.ClickAsync(DeliveryWorld.StaffAad, "吴苏玲", new JsonObject { ["verb"] = "remind.missing", ["weekId"] = "2023-old", ["itemKey"] = "plan" });
        Assert.Equal("这张卡片已过期，请重新询问“今天谁还没报送”。", (string?)stale.Body!["value"]);
        Assert.Empty(world.Messenger.Sent);
    }

    [Fact]
    public async Task ReminderLog_ShowsWhoWhatWhen_AndDeliveredOrWhyNot()
    {
        using var world = World();
        await world.ClickAsync(DeliveryWorld.StaffAad, "吴苏玲", Remind());
        world.SetBeijing(5, 14, 11, 0);
        await world.TickAsync();

        var replies = await world.SayAsync(DeliveryWorld.StaffAad, "吴苏玲", "催报记录");
        var log = Texts(replies.Single().Cards[0]);
        Assert.Contains("**张伟（机电工程学院）** · 5月14日（周二）日报", log);
        Assert.Contains("5月14日 10:00 · 吴苏玲 一键催报 · 已送达", log);
        Assert.Contains("5月14日 11:00 · 自动提醒 · 用户已屏蔽机器人", log);
        Assert.Contains("未在 Teams 中找到（仅有邮箱，尚未与机器人对话）", log);

        var english = await world.SayAsync(DeliveryWorld.StaffAad, "吴苏玲", "reminder log", "en-US");
        Assert.Contains("one-click by 吴苏玲 · delivered", Texts(english.Single().Cards[0]));

        var denied = await world.SayAsync(ZhangWei, "张伟", "催报记录");
        Assert.Equal("此功能仅供教务处使用。如需查看本部门的报送情况，请发送“我的提交”。", denied.Single().Text);
    }

    [Fact]
    public async Task ALongReminderLog_StaysUnder28KB()
    {
        using var world = World(new() { ["Reminders:LogEntries"] = "100", ["Reminders:ClickCooldown"] = "00:00:00" });
        for (var i = 0; i < 20; i++)
        {
            await world.ClickAsync(DeliveryWorld.StaffAad, "吴苏玲", Remind());
            world.Clock.Advance(TimeSpan.FromMinutes(1));
        }
        var card = (await world.SayAsync(DeliveryWorld.StaffAad, "吴苏玲", "催报记录")).Single().Cards[0];
        Assert.True(VocEdWeek.Bot.Features.Digest.DigestBudget.WireBytes(card) <= VocEdWeek.Bot.Features.Digest.DigestBudget.MaxBytes);
        Assert.True(CardJson.Elements(card["body"]).Count(e => (string?)e["type"] == "Container") >= 20);
    }
}
