using System.Text;
using System.Text.Json.Nodes;
using VocEdWeek.Bot.Cards;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Features.Office;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Tests.Features.Forms;
using static VocEdWeek.Bot.Tests.Features.Office.OfficeWorld;

namespace VocEdWeek.Bot.Tests.Features.Office;

/// <summary>
/// Generated weeks with 60 and 1,000 departments, on Thursday 16 May 11:00 with realistic submissions: every office card stays
/// within 28 KB as sent (UTF-8 JSON, non-ASCII escaped), says when it lists only part, and mentions exactly the people it shows.
/// </summary>
public sealed class OfficeCardSizeTests(OfficeCardSizeTests.BigWeeks weeks) : IClassFixture<OfficeCardSizeTests.BigWeeks>
{
    /// <summary>The two generated weeks, seeded once for all tests here (the questions only read).</summary>
    public sealed class BigWeeks : IDisposable
    {
        public BigWeeks()
        {
            foreach (var n in new[] { 60, 1000 })
            {
                var world = new OfficeWorld(FormsWorld.Beijing(2024, 5, 16, 11, 0), n);
                SampleWeeks.Submit(world.Store, world.Get<IAtomicWrites>(), world.Week, world.Clock.GetUtcNow());
                Worlds[n] = world;
            }
        }

        public Dictionary<int, OfficeWorld> Worlds { get; } = [];

        public void Dispose()
        {
            foreach (var w in Worlds.Values) w.Dispose();
        }
    }

    [Theory]
    [InlineData(60)]
    [InlineData(1000)]
    public async Task ManyDepartments_EveryCardFitsIn28KB(int departments)
    {
        var world = weeks.Worlds[departments];

        var cards = new Dictionary<string, JsonObject>
        {
            ["today personal"] = await world.CardAsync(Staff, "今天谁还没报送"),
            ["today channel"] = await world.CardAsync(Staff, "今天谁还没报送", ConversationScope.Channel),
            ["yesterday channel"] = await world.CardAsync(Staff, "昨天的日报谁没交", ConversationScope.Channel),
            ["plan channel"] = await world.CardAsync(Staff, "计划表还有谁没交", ConversationScope.Channel),
            ["progress"] = await world.CardAsync(Staff, "进度"),
            ["progress en"] = await world.CardAsync(Staff, "status", locale: "en-US"),
        };

        foreach (var (name, card) in cards)
        {
            var bytes = Encoding.UTF8.GetByteCount(card.ToJsonString());
            Assert.True(bytes <= CardBudget.MaxBytes, $"{departments} departments, {name}: {bytes} bytes");
            Assert.True(Encoding.UTF8.GetByteCount(CardJson.Show(card)) <= bytes);
        }
        foreach (var name in new[] { "today channel", "yesterday channel", "plan channel" }) AssertMentionsMatchText(cards[name]);
    }

    [Fact]
    public async Task ThousandDepartments_SaysHowManyAreNotListed()
    {
        var world = weeks.Worlds[1000];
        var missingToday = world.Week.Definition.Departments.Count - world.Store.Summaries(world.WeekId).Keys.Count(k => k.Item == "report:2024-05-16");

        var card = await world.CardAsync(Staff, "今天谁还没报送", ConversationScope.Channel);
        var text = CardJson.AllText(card);
        Assert.Contains($"未提交（{missingToday}）", text);
        Assert.Matches(@"卡片篇幅有限，仅列出前 \d+ 个，另有 \d+ 个部门未提交。", text);

        var progress = await world.CardAsync(Staff, "进度");
        Assert.Matches(@"共 1000 个部门，其中 \d+ 个有未交或迟交记录；卡片篇幅有限，按问题多少仅列出前 \d+ 个。", CardJson.AllText(progress));
    }

    [Fact]
    public async Task SixtyDepartments_ProgressListsOnlyTheOnesWithProblems()
    {
        var world = weeks.Worlds[60];

        var progress = await world.CardAsync(Staff, "进度");

        var grid = CardJson.Elements(progress["body"]).Where(e => (string?)e["type"] == "Table").Last();
        var listed = grid["rows"]!.AsArray().Count - 1;
        Assert.InRange(listed, 20, 59);
        // All departments with problems when they fit, else as many as fit — and the card says which.
        var note = System.Text.RegularExpressions.Regex.Match(CardJson.AllText(progress),
            @"共 60 个部门，(?:仅列出有未交或迟交记录的 (?<all>\d+) 个。|其中 (?<problems>\d+) 个有未交或迟交记录；卡片篇幅有限，按问题多少仅列出前 (?<shown>\d+) 个。)");
        Assert.True(note.Success, CardJson.AllText(progress));
        Assert.Equal(listed, int.Parse(note.Groups["all"].Success ? note.Groups["all"].Value : note.Groups["shown"].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.All(grid["rows"]!.AsArray().Skip(1), row => Assert.Contains(
            CardJson.Elements(row).Where(e => (string?)e["type"] == "TextBlock").Skip(1).Select(e => (string?)e["text"]),
            s => s is "✘" or "迟" or "补"));
    }

    [Theory]
    [InlineData(60)]
    [InlineData(1000)]
    public void ManyDepartments_CardsCutAsWhenEveryTryWasRendered(int departments)
    {
        var world = weeks.Worlds[departments];
        var snapshot = world.Get<VocEdWeek.Bot.Progress.ProgressService>().ForWeek(world.Week);
        var missing = world.Get<MissingCard>();
        var progress = world.Get<ProgressCard>();
        foreach (var locale in new[] { "zh-CN", "en-US" })
        {
            var t = VocEdWeek.Bot.Localization.Strings.For(locale);
            foreach (var item in world.Week.Calendar.Items)
            {
                foreach (var mention in new[] { false, true })
                {
                    var cut = missing.Compose(snapshot, item, t, mention);
                    AssertSame($"{item.Key} {locale} {mention}", missing.Compose(snapshot, item, t, mention, true), cut);
                    // Sized by the model, not by the fallback.
                    Assert.Equal(cut.WireBytes, new CardSizeModel(world.Get<CardTemplates>(), "missing", ["missing", "late", "mentions"]).Estimate(cut.Data, t));
                }
            }
            AssertSame($"progress {locale}", progress.Compose(snapshot, t, null, true), progress.Compose(snapshot, t, null));
        }
    }

    private static void AssertSame(string name, RenderedCard expected, RenderedCard actual)
    {
        Assert.True(expected.Card.ToJsonString() == actual.Card.ToJsonString(), $"{name}: the cards differ");
        Assert.True(expected.Data.ToJsonString() == actual.Data.ToJsonString(), $"{name}: the data differ");
        Assert.Equal(expected.WireBytes, actual.WireBytes);
    }

    private static void AssertMentionsMatchText(JsonObject card)
    {
        var text = CardJson.AllText(card);
        var entities = card["msteams"]!["entities"]!.AsArray();
        var shown = System.Text.RegularExpressions.Regex.Matches(text, "<at>[^<]+</at>").Select(m => m.Value).ToHashSet();
        Assert.Equal(shown.OrderBy(s => s), entities.Select(e => (string)e!["text"]!).Distinct().OrderBy(s => s));
    }
}
