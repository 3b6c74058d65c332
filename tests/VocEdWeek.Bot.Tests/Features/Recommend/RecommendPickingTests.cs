using VocEdWeek.Bot.Features.Recommend;
using VocEdWeek.Bot.Recommendations;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Tests.Features.Forms;

namespace VocEdWeek.Bot.Tests.Features.Recommend;

/// <summary>
/// Issue 16, Must show 1 (picking): office staff pick from the candidates card and withdraw; the same card submitted twice
/// stores once; liaisons get a refusal. Real card clicks through the router, on LiteDB and on PostgreSQL.
/// </summary>
public sealed class RecommendPickingTests : IDisposable
{
    private static readonly TestUser Staff = FormsWorld.Staff;
    private static readonly TestUser Liaison = FormsWorld.Liaison;
    private readonly RecommendWorld _world = new();

    public RecommendPickingTests()
    {
        _world.Report("jd", 14, typicalCase: "校企共建智能制造实训基地\n详细内容……", story: "从学徒到工匠的三年");
        _world.Report("xx", 14, typicalCase: "信息学院开放日吸引三百名市民", featured: "技能大赛决赛现场");
        _world.Report("jd", 13, story: "老师傅带新徒弟");
        _world.Media("jd", 14, "开幕式.jpg");
        _world.Media("xx", 14, "决赛.mp4", VocEdWeek.Bot.Files.MediaKind.Video);
    }

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task Staff_see_every_candidate_and_a_submit_stores_the_picks_with_who_when_and_why()
    {
        var card = await _world.CardAsync(Staff, "择优推荐");

        var heads = RecommendWorld.Heads(card);
        Assert.Equal(7, heads.Count);
        Assert.StartsWith("**机电工程学院** · 5月13日（周一） · 典型职教故事 | 老师傅带新徒弟", heads[0]);
        Assert.Contains(heads, h => h.StartsWith("**机电工程学院** · 5月14日（周二） · 典型活动案例 | 校企共建智能制造实训基地", StringComparison.Ordinal) && !h.Contains("详细内容"));
        Assert.Contains(heads, h => h.Contains("重点和特色活动报道 | 技能大赛决赛现场", StringComparison.Ordinal));
        Assert.Contains(heads, h => h.Contains("照片 | 开幕式.jpg", StringComparison.Ordinal));
        Assert.Contains(heads, h => h.Contains("视频 | 决赛.mp4", StringComparison.Ordinal));

        var answer = await _world.ClickAsync(Staff, card, RecommendHandler.SubmitVerb, new Dictionary<string, string>
        {
            [RecommendWorld.Toggle(card, "校企共建智能制造实训基地")] = "true",
            [RecommendWorld.Toggle(card, "开幕式.jpg")] = "true",
            ["reason"] = "校企合作成效突出",
        });

        Assert.Contains("已推荐 2 项，撤回 0 项。", CardJson.AllText(answer));
        var picks = _world.Picks.Active(_world.WeekId);
        Assert.Equal([PickKind.Case, PickKind.Photo], picks.Select(p => p.Kind).Order());
        Assert.All(picks, p => Assert.Equal((PickSource.Office, "吴苏玲", Staff.AadObjectId, "校企合作成效突出", RecommendWorld.Now.UtcDateTime),
            (p.Source, p.ByName, p.ByAadObjectId, p.Reason, p.At)));
        // The card shown again has them toggled on and marked.
        Assert.Equal("true", CardJson.Value(answer, RecommendWorld.Toggle(answer, "开幕式.jpg")));
        Assert.Contains(RecommendWorld.Heads(answer), h => h.Contains("典型活动案例 · ★ 已推荐 | 校企共建", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_same_card_submitted_twice_stores_one_pick()
    {
        var card = await _world.CardAsync(Staff, "择优推荐");
        var typed = new Dictionary<string, string> { [RecommendWorld.Toggle(card, "从学徒到工匠的三年")] = "true" };

        await _world.ClickAsync(Staff, card, RecommendHandler.SubmitVerb, typed);
        var again = await _world.ClickAsync(Staff, card, RecommendHandler.SubmitVerb, typed);

        Assert.Contains("已推荐 0 项，撤回 0 项。", CardJson.AllText(again));
        Assert.Equal(PickKind.Story, Assert.Single(_world.Picks.All(_world.WeekId)).Kind);
    }

    [Fact]
    public async Task Toggling_off_withdraws_and_toggling_on_again_picks_once_more()
    {
        var card = await _world.CardAsync(Staff, "择优推荐");
        var toggle = RecommendWorld.Toggle(card, "信息学院开放日");
        var picked = await _world.ClickAsync(Staff, card, RecommendHandler.SubmitVerb, new Dictionary<string, string> { [toggle] = "true" });

        var withdrawn = await _world.ClickAsync(Staff, picked, RecommendHandler.SubmitVerb, new Dictionary<string, string> { [RecommendWorld.Toggle(picked, "信息学院开放日")] = "false" });

        Assert.Contains("已推荐 0 项，撤回 1 项。", CardJson.AllText(withdrawn));
        Assert.Empty(_world.Picks.Active(_world.WeekId));
        var kept = Assert.Single(_world.Picks.All(_world.WeekId));
        Assert.Equal(("吴苏玲", (DateTime?)RecommendWorld.Now.UtcDateTime), (kept.WithdrawnByName, kept.WithdrawnAt));

        var again = await _world.ClickAsync(Staff, withdrawn, RecommendHandler.SubmitVerb, new Dictionary<string, string> { [RecommendWorld.Toggle(withdrawn, "信息学院开放日")] = "true" });
        Assert.Contains("已推荐 1 项，撤回 0 项。", CardJson.AllText(again));
        Assert.True(Assert.Single(_world.Picks.All(_world.WeekId)).IsActive);
    }

    [Fact]
    public async Task A_liaison_is_refused_the_office_command_and_its_buttons_in_their_language()
    {
        var zh = await _world.Bot.TextAsync(Liaison, "择优推荐");
        var en = await _world.Bot.TextAsync(Liaison, "recommend", locale: "en-US");
        var card = await _world.CardAsync(Staff, "择优推荐");
        var pressed = await _world.Bot.ExecuteAsync(Liaison, CardJson.Click(card, RecommendHandler.SubmitVerb,
            new Dictionary<string, string> { [RecommendWorld.Toggle(card, "校企共建智能制造实训基地")] = "true" }));

        Assert.Contains("此功能仅供教务处使用", zh);
        Assert.Contains("教务处", en);
        Assert.DoesNotContain("此功能", en);
        Assert.Contains("此功能仅供教务处使用", pressed.Message());
        Assert.Empty(_world.Picks.All(_world.WeekId));
    }

    [Fact]
    public async Task Typed_filters_narrow_the_card_and_bad_ones_are_explained()
    {
        var card = await _world.CardAsync(Staff, "择优推荐 5月14日 机电");

        Assert.Equal(3, RecommendWorld.Heads(card).Count);
        Assert.All(RecommendWorld.Heads(card), h => Assert.StartsWith("**机电工程学院** · 5月14日", h));
        Assert.Equal(("2024-05-14", "jd"), (CardJson.Value(card, "day"), CardJson.Value(card, "department")));
        Assert.Contains("没有找到部门“化工”", await _world.Bot.TextAsync(Staff, "择优推荐 化工"));
        Assert.Contains("“2月30日”不是有效的日期", await _world.Bot.TextAsync(Staff, "择优推荐 2月30日"));
        Assert.Contains("不在活动周内", await _world.Bot.TextAsync(Staff, "择优推荐 6月1日"));

        // The card's own filter: another day, all departments.
        var other = await _world.ClickAsync(Staff, card, RecommendHandler.ShowVerb, new Dictionary<string, string> { ["day"] = "2024-05-13", ["department"] = "all" });
        Assert.Equal(["**机电工程学院** · 5月13日（周一） · 典型职教故事 | 老师傅带新徒弟"], RecommendWorld.Heads(other));
    }
}
