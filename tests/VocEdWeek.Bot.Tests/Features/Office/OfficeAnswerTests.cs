using System.Text.Json.Nodes;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Features.Office;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Tests.Features.Forms;
using static VocEdWeek.Bot.Tests.Features.Office.OfficeWorld;

namespace VocEdWeek.Bot.Tests.Features.Office;

/// <summary>
/// "今天谁还没报送" answered through the real router on Tuesday 14 May 2024, 10:00 Beijing time, in the 2024 Wuxi week:
/// 机电工程学院 (jd) and 信息工程学院 (xx) have reported today; 经济管理学院, 建筑工程学院 and 设计艺术学院 have not.
/// </summary>
public sealed class OfficeAnswerTests : IDisposable
{
    private readonly OfficeWorld _world = new(FormsWorld.Beijing(2024, 5, 14, 10, 0));

    public OfficeAnswerTests()
    {
        _world.Submit("jd", "report:2024-05-14", FormsWorld.Beijing(2024, 5, 14, 9, 12));
        _world.Submit("xx", "report:2024-05-14", FormsWorld.Beijing(2024, 5, 14, 9, 40));
    }

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task Staff_WhoHasNotReported_ListsExactlyTheOtherThreeWithTheirLiaisons()
    {
        var card = await _world.CardAsync(Staff, "今天谁还没报送");

        Assert.Equal(["经济管理学院　王强", "建筑工程学院　刘洋、赵敏（备）", "设计艺术学院　陈静"], MissingRows(card));
        var text = CardJson.AllText(card);
        Assert.Contains("5月14日（周二）日报 · 报送情况", text);
        Assert.Contains("截止时间：5月14日 12:00（北京时间），还有 2 小时 0 分", text);
        Assert.Contains("未提交（3）", text);
        Assert.Equal(["5", "2", "0", "3", "0"], Counts(card));
        Assert.Contains("数据截至 5月14日 10:00（北京时间）", text);
        Assert.DoesNotContain("机电工程学院", string.Join("\n", MissingRows(card)));
    }

    [Fact]
    public async Task Staff_Card_HasRemindAndFullProgressButtons_WithWeekAndItem()
    {
        var card = await _world.CardAsync(Staff, "谁没交日报");

        var remind = CardJson.Click(card, "remind.missing");
        Assert.Equal("2024-wuxi", (string?)remind["weekId"]);
        Assert.Equal("report:2024-05-14", (string?)remind["itemKey"]);
        Assert.Equal("一键催报", Title(card, "remind.missing"));
        Assert.Equal("全部进度", Title(card, "progress.full"));
    }

    [Fact]
    public async Task Staff_PhoneNumbersShownInPersonalChat_NoMentionEntities()
    {
        _world.Submit("xx", "report:2024-05-13", FormsWorld.Beijing(2024, 5, 13, 9, 0));

        var card = await _world.CardAsync(Staff, "昨天的日报谁没交");

        Assert.Contains("机电工程学院　张伟 13800000001", MissingRows(card));
        Assert.Empty(card["msteams"]!["entities"]!.AsArray());
    }

    [Fact]
    public async Task Staff_LateAndMadeUp_AreMarkedWithTheirTimes()
    {
        _world.Submit("xx", "report:2024-05-13", FormsWorld.Beijing(2024, 5, 13, 12, 31));
        _world.Submit("jg", "report:2024-05-13", FormsWorld.Beijing(2024, 5, 14, 9, 10));
        _world.Submit("jd", "report:2024-05-13", FormsWorld.Beijing(2024, 5, 13, 11, 59));

        var card = await _world.CardAsync(Staff, "昨天的日报谁没交");

        var text = CardJson.AllText(card);
        Assert.Contains("迟交 / 补交（2）", text);
        Assert.Equal(["信息工程学院　迟交 12:31", "经济管理学院　补交 5月14日 09:10"], LateRows(card));
        Assert.Equal(["建筑工程学院　刘洋、赵敏（备）", "设计艺术学院　陈静"], MissingRows(card));
        Assert.Equal(["5", "1", "2", "2", "0"], Counts(card));
        Assert.Contains("已截止", text);
    }

    [Fact]
    public async Task Staff_InAChannel_MentionsTheMissingLiaisons()
    {
        var card = await _world.CardAsync(Staff, "今天谁还没报送", ConversationScope.Channel);

        Assert.Equal(["经济管理学院　<at>王强</at>", "建筑工程学院　<at>刘洋</at>、<at>赵敏</at>（备）", "设计艺术学院　<at>陈静</at>"], MissingRows(card));
        var entities = card["msteams"]!["entities"]!.AsArray().Select(e => e!.AsObject()).ToList();
        Assert.Equal(
            ["wangqiang@college.example.edu.cn", "liuyang@college.example.edu.cn", "zhaomin@college.example.edu.cn", "11a150a0-0000-4000-8000-000000000005"],
            entities.Select(e => (string?)e["mentioned"]!["id"]));
        Assert.All(entities, e =>
        {
            Assert.Equal("mention", (string?)e["type"]);
            Assert.Equal($"<at>{(string?)e["mentioned"]!["name"]}</at>", (string?)e["text"]);
        });
        // Every mention text appears in the card's text, and no phone numbers are posted in a channel.
        var text = CardJson.AllText(card);
        Assert.All(entities, e => Assert.Contains((string)e["text"]!, text));
        Assert.DoesNotContain("138", text);
    }

    [Fact]
    public async Task Staff_TypingJustTheItem_GetsTheMissingCard_ButLiaisonGetsTheForm()
    {
        var staffCard = await _world.CardAsync(Staff, "日报");
        Assert.Contains("报送情况", CardJson.AllText(staffCard));

        var liaisonCard = await _world.CardAsync(Liaison, "日报");
        Assert.True(CardJson.HasInput(liaisonCard, "typicalCase"));

        var todayCard = await _world.CardAsync(Staff, "今天的日报");
        Assert.Contains("报送情况", CardJson.AllText(todayCard));
    }

    [Fact]
    public async Task Staff_Summary_AndPlan_AreTheirOwnItems()
    {
        _world.Submit("jd", "plan", FormsWorld.Beijing(2024, 5, 11, 16, 0));

        var plan = await _world.CardAsync(Staff, "计划表还有谁没交");
        Assert.Contains("方案与信息采集表 · 报送情况", CardJson.AllText(plan));
        Assert.Equal(4, MissingRows(plan).Count);
        Assert.Equal("plan", (string?)CardJson.Click(plan, "remind.missing")["itemKey"]);

        var summary = await _world.CardAsync(Staff, "总结");
        Assert.Contains("活动周总结 · 报送情况", CardJson.AllText(summary));
        Assert.Contains("截止时间：5月19日 17:30（北京时间），还有 5 天 7 小时", CardJson.AllText(summary));
    }

    [Fact]
    public async Task Staff_InEnglish_GetsTheEnglishCard()
    {
        var card = await _world.CardAsync(Staff, "who hasn't reported today", locale: "en-US");

        var text = CardJson.AllText(card);
        Assert.Contains("Daily report for Tue, May 14: who has reported", text);
        Assert.Contains("Not submitted (3)", text);
        Assert.Equal("Remind them", Title(card, "remind.missing"));
        Assert.Equal("Full progress", Title(card, "progress.full"));
    }

    [Theory]
    [InlineData("5月20日谁没交", "5月20日（周一）不在活动周内（5月12日至5月18日）。发送“进度”可查看整周情况。")]
    [InlineData("2月30日谁没交", "“2月30日”不是有效的日期，请换一种写法，如“5月14日”。")]
    public async Task Staff_ImpossibleOrOutsideDay_IsAnsweredInWords(string question, string answer)
    {
        Assert.Equal(answer, await _world.TextAsync(Staff, question));
    }

    [Fact]
    public async Task Staff_UnknownQuestion_GetsHelp_NotAGuess()
    {
        var sent = await _world.SayAsync(Staff, "今天天气怎么样");

        Assert.StartsWith("没有听懂", sent[0].Text);
    }

    [Fact]
    public async Task Staff_Progress_ShowsEveryItemAndTheDepartmentByDayGrid()
    {
        _world.Submit("jd", "plan", FormsWorld.Beijing(2024, 5, 11, 16, 0));
        _world.Submit("jd", "report:2024-05-12", FormsWorld.Beijing(2024, 5, 12, 11, 0));
        _world.Submit("jd", "report:2024-05-13", FormsWorld.Beijing(2024, 5, 13, 12, 30));

        var card = await _world.CardAsync(Staff, "进度");

        var tables = CardJson.Elements(card["body"]).Where(e => (string?)e["type"] == "Table").ToList();
        Assert.Equal(2, tables.Count);
        var itemRows = tables[0]["rows"]!.AsArray();
        Assert.Equal(1 + 10, itemRows.Count);
        Assert.Equal(1 + 5, tables[1]["rows"]!.AsArray().Count);
        Assert.Equal(1 + 7, tables[1]["columns"]!.AsArray().Count);
        var jd = tables[1]["rows"]!.AsArray()[1]!;
        Assert.Equal(["机电工程学院", "✔", "迟", "✔", "·", "·", "·", "·"], CardJson.Elements(jd).Where(e => (string?)e["type"] == "TextBlock").Select(e => (string?)e["text"]));
        var jg = tables[1]["rows"]!.AsArray()[3]!;
        Assert.Equal(["经济管理学院", "✘", "✘", "·", "·", "·", "·", "·"], CardJson.Elements(jg).Where(e => (string?)e["type"] == "TextBlock").Select(e => (string?)e["text"]));
        Assert.Equal("progress.item", (string?)CardJson.Actions(card).First()["verb"]);
    }

    [Fact]
    public async Task FullProgressButton_ReplacesTheCard_AndBackButtonReturnsToTheList()
    {
        var missing = await _world.CardAsync(Staff, "今天谁还没报送", ConversationScope.Channel);

        var full = (await _world.ExecuteAsync(Staff, CardJson.Click(missing, "progress.full"), ConversationScope.Channel)).Card();
        Assert.Contains("2024年职业教育活动周 · 报送进度", CardJson.AllText(full));

        var back = (await _world.ExecuteAsync(Staff, CardJson.Click(full, "progress.item"), ConversationScope.Channel)).Card();
        Assert.Equal(3, MissingRows(back).Count);
        Assert.NotEmpty(back["msteams"]!["entities"]!.AsArray());
    }

    [Fact]
    public async Task RemindButton_OnTheMissingCard_ReachesTheReminderHandler()
    {
        var missing = await _world.CardAsync(Staff, "今天谁还没报送");

        var answer = await _world.ExecuteAsync(Staff, CardJson.Click(missing, "remind.missing"));

        // The one-click receipt (a card), not the router's "unknown button" error.
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)answer.Body?["type"]);
    }

    /// <summary>The rows under the "未提交" header: "department　liaisons".</summary>
    public static IReadOnlyList<string> MissingRows(JsonObject card) => RowsAfter(card, "未提交", "Not submitted");

    /// <summary>The rows under the "迟交 / 补交" header: "department　status time".</summary>
    public static IReadOnlyList<string> LateRows(JsonObject card) => RowsAfter(card, "迟交 / 补交", "Late or made up");

    private static IReadOnlyList<string> RowsAfter(JsonObject card, string zh, string en)
    {
        var body = card["body"]!.AsArray().Select(n => n!.AsObject()).ToList();
        var header = body.FindIndex(e => (string?)e["type"] == "TextBlock" && ((string?)e["text"])?.StartsWith(zh, StringComparison.Ordinal) == true
            || ((string?)e["text"])?.StartsWith(en, StringComparison.Ordinal) == true);
        if (header < 0) return [];
        return body.Skip(header + 1).TakeWhile(e => (string?)e["type"] == "ColumnSet")
            .Select(e => string.Join("　", e["columns"]!.AsArray().Select(c => (string?)c!["items"]![0]!["text"]))).ToList();
    }

    private static IReadOnlyList<string?> Counts(JsonObject card) =>
        card["body"]!.AsArray().First(e => (string?)e!["type"] == "ColumnSet")!["columns"]!.AsArray()
            .Select(c => (string?)c!["items"]![0]!["text"]).ToList();

    private static string? Title(JsonObject card, string verb) =>
        (string?)CardJson.Actions(card).First(a => (string?)a["verb"] == verb)["title"];
}
