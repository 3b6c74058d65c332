using VocEdWeek.Bot.Handlers;
using VocEdWeek.Bot.App;
using VocEdWeek.Bot.Features.Dashboard;
using VocEdWeek.Bot.Links;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Weeks;
using VocEdWeek.Bot.Words;
using static VocEdWeek.Bot.Tests.Features.Forms.FormsWorld;

namespace VocEdWeek.Bot.Tests.Features.Dashboard;

/// <summary>"看板" / "dashboard" through POST /api/messages of the real bot: staff get a signed link, others a refusal.</summary>
public sealed class DashboardCommandTests : IAsyncLifetime
{
    private DashboardSite _site = null!;

    public async Task InitializeAsync() => _site = await DashboardSite.StartAsync();

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Theory]
    [InlineData("看板")]
    [InlineData("进度看板")]
    [InlineData("看板！")]
    [InlineData("Dashboard")]
    [InlineData("open dashboard")]
    public async Task Staff_GetACardWithASignedLink_ThatExpiresAfterTheConfiguredLifetime(string text)
    {
        var posts = await _site.SayAsync(Staff, text);
        var card = DashboardSite.Card(posts);
        var url = CardJson.Elements(card).Single(e => (string?)e["type"] == "Action.OpenUrl")["url"]!.GetValue<string>();

        Assert.StartsWith("https://bot.college.example.edu.cn/dashboard?t=", url, StringComparison.Ordinal);
        var check = _site.Get<LinkSigner>().Verify(new Uri(url).Query[3..], DashboardLinks.Purpose);
        Assert.Equal(LinkStatus.Valid, check.Status);
        Assert.Equal("2024-wuxi", check["w"]);
        Assert.Equal("吴苏玲", check["s"]);
        Assert.Equal("zh-CN", check["l"]);
        // Default lifetime 12 hours from 10:00 Beijing time; the card says until when, in Beijing time.
        Assert.Equal(Beijing(2024, 5, 14, 22, 0), check.ExpiresAt!.Value, TimeSpan.FromMinutes(1));
        var text2 = CardJson.AllText(card);
        Assert.Contains("进度看板", text2);
        Assert.Matches(@"链接有效期至 5月14日 22:0\d（北京时间）", text2);
        Assert.Contains("打开看板", text2);
        Assert.Contains("2024年职业教育活动周 · 5月12日至5月18日", text2);
    }

    [Fact]
    public async Task Staff_InEnglish_GetAnEnglishCard_AndAnEnglishLink()
    {
        var card = DashboardSite.Card(await _site.SayAsync(Staff, "dashboard", "en-US"));
        var text = CardJson.AllText(card);
        Assert.Contains("Progress dashboard", text);
        Assert.Matches(@"valid until May 14, 22:0\d \(Beijing time\)", text);
        var url = CardJson.Elements(card).Single(e => (string?)e["type"] == "Action.OpenUrl")["url"]!.GetValue<string>();
        Assert.Equal("en-US", _site.Get<LinkSigner>().Verify(new Uri(url).Query[3..], DashboardLinks.Purpose)["l"]);
    }

    [Fact]
    public async Task Liaisons_AreRefused_WithoutALink()
    {
        var posts = await _site.SayAsync(Liaison, "看板");

        var text = DashboardSite.Text(posts);
        Assert.Equal("此功能仅供教务处使用。如需查看本部门的报送情况，请发送“我的提交”。", text);
        Assert.DoesNotContain("/dashboard", string.Join("", posts.Select(p => p.ToJsonString())));
    }

    [Fact]
    public async Task Strangers_AreRefused_WithoutALink()
    {
        var posts = await _site.SayAsync(Stranger, "dashboard", "en-US");

        Assert.DoesNotContain("/dashboard", string.Join("", posts.Select(p => p.ToJsonString())));
        Assert.Equal("This is for 教务处 only. If you need it, please contact 教务处 (吴苏玲).", DashboardSite.Text(posts));
    }

    [Fact]
    public async Task AYearWithoutAWeek_IsAnsweredWithTheWeeksThereAre()
    {
        var text = DashboardSite.Text(await _site.SayAsync(Staff, "看板 2019"));

        Assert.Equal("没有找到“2019”对应的活动周。可查看：2024年职业教育活动周（2024-wuxi）、2020年山东省职业教育活动周（2020-shandong）。", text);
    }

    [Theory]
    [InlineData("看板", true, null)]
    [InlineData("进度看板", true, null)]
    [InlineData("看板 2020", true, "2020-shandong")]
    [InlineData("看板 2020年", true, "2020-shandong")]
    [InlineData("dashboard 2020-shandong", true, "2020-shandong")]
    [InlineData("看板 2019", true, null)]
    [InlineData("看板怎么用", false, null)]
    [InlineData("进度", false, null)]
    [InlineData("dashboards are nice", false, null)]
    public void Parse_TakesTheCommand_AndAWeekByYearOrId(string typed, bool matches, string? week)
    {
        var weeks = _site.Get<WeekCatalog>();
        var parsed = DashboardCommand.Parse(CommandText.From(typed), weeks);

        Assert.Equal(matches, parsed is not null);
        var found = parsed?.WeekWords is { } words ? DashboardCommand.Find(words, weeks) : null;
        Assert.Equal(week, found?.Definition.Id);
    }
}
