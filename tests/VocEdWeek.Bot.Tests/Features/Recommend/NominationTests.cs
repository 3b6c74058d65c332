using VocEdWeek.Bot.Features.Recommend;
using VocEdWeek.Bot.Recommendations;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Tests.Features.Forms;

namespace VocEdWeek.Bot.Tests.Features.Recommend;

/// <summary>
/// Issue 16, Must show 1 (自荐): a liaison nominates only their own department's items, at most three; the server checks,
/// not the card; the office sees nominations first, marked. On LiteDB and on PostgreSQL.
/// </summary>
public sealed class NominationTests : IDisposable
{
    private static readonly TestUser Staff = FormsWorld.Staff;
    private static readonly TestUser Liaison = FormsWorld.Liaison;
    private readonly RecommendWorld _world = new();

    public NominationTests()
    {
        _world.Report("jd", 13, typicalCase: "机电案例一", story: "机电故事一", featured: "机电报道一");
        _world.Report("jd", 14, typicalCase: "机电案例二", story: "机电故事二");
        _world.Report("xx", 12, typicalCase: "信息案例");
    }

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task A_liaison_sees_only_their_department_and_the_office_sees_the_nomination_first()
    {
        var card = await _world.CardAsync(Liaison, "自荐");
        Assert.Equal(5, RecommendWorld.Heads(card).Count);
        Assert.All(RecommendWorld.Heads(card), h => Assert.StartsWith("**机电工程学院**", h));
        Assert.False(CardJson.HasInput(card, "department"));

        var answer = await _world.ClickAsync(Liaison, card, NominateHandler.SubmitVerb,
            new Dictionary<string, string> { [RecommendWorld.Toggle(card, "机电故事二")] = "true", ["reason"] = "学生很感动" });

        Assert.Contains("已自荐 1 项，撤回 0 项。本部门现有自荐 1 项（最多 3 项）。", CardJson.AllText(answer));
        var nomination = Assert.Single(_world.Picks.Active(_world.WeekId));
        Assert.Equal((PickSource.Liaison, "jd", PickKind.Story, "张伟", "学生很感动"), (nomination.Source, nomination.DepartmentId, nomination.Kind, nomination.ByName, nomination.Reason));
        var office = RecommendWorld.Heads(await _world.CardAsync(Staff, "择优推荐"));
        Assert.Equal("**机电工程学院** · 5月14日（周二） · 典型职教故事 · 自荐 | 机电故事二", office[0]);
        Assert.Equal(6, office.Count);
    }

    [Fact]
    public async Task Another_departments_item_is_refused_by_the_server_whatever_the_card_sent()
    {
        var card = await _world.CardAsync(Liaison, "自荐");
        var data = CardJson.Click(card, NominateHandler.SubmitVerb);
        // A hand-made request: 信息工程学院's case put into the liaison's card data, toggled on.
        data["items"] = Pick.ItemIdOf("xx", RecommendWorld.Day(12), PickKind.Case, null);
        data["pick0"] = "true";

        var answer = (await _world.Bot.ExecuteAsync(Liaison, data)).Card();

        Assert.Contains("只能自荐本部门（机电工程学院）的材料，本次未保存。", CardJson.AllText(answer));
        Assert.Empty(_world.Picks.All(_world.WeekId));
    }

    [Fact]
    public async Task A_fourth_nomination_is_refused_and_nothing_of_that_submit_is_stored()
    {
        var card = await _world.CardAsync(Liaison, "自荐");
        await _world.ClickAsync(Liaison, card, NominateHandler.SubmitVerb, new Dictionary<string, string>
        {
            [RecommendWorld.Toggle(card, "机电案例一")] = "true",
            [RecommendWorld.Toggle(card, "机电故事一")] = "true",
            [RecommendWorld.Toggle(card, "机电报道一")] = "true",
        });

        var refused = await _world.ClickAsync(Liaison, card, NominateHandler.SubmitVerb, new Dictionary<string, string>
        {
            [RecommendWorld.Toggle(card, "机电案例一")] = "true",
            [RecommendWorld.Toggle(card, "机电故事一")] = "true",
            [RecommendWorld.Toggle(card, "机电报道一")] = "true",
            [RecommendWorld.Toggle(card, "机电案例二")] = "true",
        });

        Assert.Contains("每个部门最多自荐 3 项；按本次勾选将有 4 项，本次未保存。", CardJson.AllText(refused));
        Assert.Equal(3, _world.Picks.Active(_world.WeekId).Count);
        Assert.DoesNotContain(_world.Picks.All(_world.WeekId), p => p.ItemKey == RecommendWorld.Day(14));

        // Swapping one for another stays within three.
        var swapped = await _world.ClickAsync(Liaison, card, NominateHandler.SubmitVerb, new Dictionary<string, string>
        {
            [RecommendWorld.Toggle(card, "机电案例一")] = "false",
            [RecommendWorld.Toggle(card, "机电故事一")] = "true",
            [RecommendWorld.Toggle(card, "机电报道一")] = "true",
            [RecommendWorld.Toggle(card, "机电案例二")] = "true",
        });
        Assert.Contains("已自荐 1 项，撤回 1 项。本部门现有自荐 3 项", CardJson.AllText(swapped));
    }

    [Fact]
    public async Task Office_staff_cannot_nominate_and_a_liaison_cannot_press_the_office_buttons()
    {
        Assert.Contains("联络员", await _world.Bot.TextAsync(Staff, "自荐"));
        var card = await _world.CardAsync(Liaison, "自荐");
        var data = CardJson.Click(card, NominateHandler.SubmitVerb, new Dictionary<string, string> { [RecommendWorld.Toggle(card, "机电案例一")] = "true" });
        data["verb"] = RecommendHandler.SubmitVerb;

        Assert.Contains("此功能仅供教务处使用", (await _world.Bot.ExecuteAsync(Liaison, data)).Message());
        Assert.Empty(_world.Picks.All(_world.WeekId));
    }
}
