using VocEdWeek.Bot.Features.Dashboard;
using VocEdWeek.Bot.Features.Digest;
using VocEdWeek.Bot.Features.Recommend;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Tests.Features.Forms;

namespace VocEdWeek.Bot.Tests.Features.Recommend;

/// <summary>
/// Issue 16 "marks": what the office picked carries a ★ in the progress card, the "who has not reported" card, the
/// digest's highlights and the dashboard's case list and gallery; nominations alone carry none. On LiteDB and PostgreSQL.
/// </summary>
public sealed class PickMarksTests : IAsyncLifetime
{
    private static readonly TestUser Staff = FormsWorld.Staff;
    private readonly RecommendWorld _world = new();
    private string _photoId = "";

    public async Task InitializeAsync()
    {
        _world.Report("jd", 14, typicalCase: "校企共建智能制造实训基地", story: "从学徒到工匠");
        _world.Report("xx", 14, typicalCase: "信息学院开放日");
        _photoId = _world.Media("jd", 14, "开幕式.jpg").Id;
        _world.Media("xx", 14, "合影.jpg");
        var card = await _world.CardAsync(Staff, "择优推荐");
        await _world.ClickAsync(Staff, card, RecommendHandler.SubmitVerb, new Dictionary<string, string>
        {
            [RecommendWorld.Toggle(card, "校企共建智能制造实训基地")] = "true",
            [RecommendWorld.Toggle(card, "开幕式.jpg")] = "true",
        });
        // A nomination of 信息工程学院's case: not a pick, so no star.
        var nominate = await _world.CardAsync(FormsWorld.OtherLiaison, "自荐");
        await _world.ClickAsync(FormsWorld.OtherLiaison, nominate, NominateHandler.SubmitVerb, new Dictionary<string, string> { [RecommendWorld.Toggle(nominate, "信息学院开放日")] = "true" });
    }

    public Task DisposeAsync()
    {
        _world.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_missing_card_names_the_days_picks_and_the_progress_card_stars_the_day_and_the_cells()
    {
        var missing = await _world.CardAsync(Staff, "今天谁还没报送");
        Assert.Contains("★ 已推荐：机电工程学院（典型活动案例、照片 1）", CardJson.AllText(missing));
        Assert.DoesNotContain("信息工程学院（", CardJson.AllText(missing));

        var full = (await _world.Bot.ExecuteAsync(Staff, CardJson.Click(missing, "progress.full"))).Card();
        var texts = CardJson.Elements(full).Select(e => CardJson.Text(e["text"])).ToList();
        Assert.Contains(texts, s => s.EndsWith(" ★2", StringComparison.Ordinal) && s.Contains("5月14日", StringComparison.Ordinal));
        Assert.Equal(1, texts.Count(s => s.Length is > 1 and < 4 && s.EndsWith('★')));
    }

    [Fact]
    public void The_digest_highlights_star_the_picked_case_only()
    {
        var model = _world.Bot.Get<DigestBuilder>().Build(_world.Bot.Week, new DateOnly(2024, 5, 14), _world.Bot.Clock.GetUtcNow());

        Assert.Contains("★ **机电工程学院**　典型案例：校企共建智能制造实训基地", model.Highlights);
        Assert.Contains("**机电工程学院**　职教故事：从学徒到工匠", model.Highlights);
        Assert.Contains("**信息工程学院**　典型案例：信息学院开放日", model.Highlights);
    }

    [Fact]
    public void The_dashboard_stars_the_picked_case_and_photo_and_shows_buttons_to_staff_only()
    {
        var data = _world.Bot.Get<DashboardBuilder>().Build(_world.Bot.Week);
        var page = _world.Bot.Get<DashboardPage>();
        var t = Strings.For("zh-CN");
        var expires = _world.Bot.Clock.GetUtcNow().AddHours(8);

        var watcher = page.Render(data, t, new DashboardViewer("tok", "观察员", expires, "/dashboard/media"), "n");
        var staff = page.Render(data, t, new DashboardViewer("tok", "吴苏玲", expires, "/dashboard/media", CanPick: true), "n");

        Assert.Contains("<li><span class=\"star\">★</span><strong>机电工程学院</strong> · 5月14日（周二） · 校企共建智能制造实训基地</li>", watcher);
        Assert.Contains("<li><span class=\"star\" hidden>★</span><strong>信息工程学院</strong>", watcher);
        Assert.Contains($"<li data-media=\"{_photoId}\">", watcher);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(watcher, "<span class=\"pickline\"><span class=\"star\">★</span></span>"));
        Assert.DoesNotContain("button class=\"pick\"", watcher);
        Assert.DoesNotContain("data-pick-path", watcher);

        Assert.Contains($"data-item=\"jd|report:2024-05-14|Case\" data-on=\"1\">撤回推荐</button>", staff);
        Assert.Contains($"data-item=\"xx|report:2024-05-14|Case\" data-on=\"0\">推荐</button>", staff);
        Assert.Contains($"data-item=\"jd|report:2024-05-14|Photo|{_photoId}\" data-on=\"1\">", staff);
        Assert.Contains("data-pick-path=\"/dashboard/pick\" data-token=\"tok\"", staff);
    }
}
