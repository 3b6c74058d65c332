using System.Text.Json.Nodes;
using VocEdWeek.Bot.Tests.Fakes;
using static VocEdWeek.Bot.Tests.Features.Forms.FormsWorld;

namespace VocEdWeek.Bot.Tests.Features.Forms;

/// <summary>Forms are for liaisons: strangers are told whom to contact, staff are pointed to the office commands; nobody sees another department's data.</summary>
public sealed class FormAccessTests : IDisposable
{
    private readonly FormsWorld _world = new(Beijing(2024, 5, 14, 10, 0));

    public void Dispose() => _world.Dispose();

    [Theory]
    [InlineData("计划")]
    [InlineData("日报")]
    [InlineData("日报 5月13日")]
    [InlineData("统计")]
    [InlineData("总结")]
    [InlineData("我的提交")]
    public async Task Stranger_GetsThePoliteAnswer_WithTheOfficeToContact(string command)
    {
        await FormSteps.SubmitPlanAsync(_world);

        var text = await _world.TextForAsync(Stranger, command);

        Assert.Equal("您不在“2024年职业教育活动周”的联络员名单中，暂时不能填报。如需填报，请联系教务处（吴苏玲）。", text);
        Assert.DoesNotContain("智能制造", text);
    }

    [Fact]
    public async Task Stranger_ClickingASubmitButton_StoresNothing()
    {
        var form = await _world.CardForAsync(Liaison, "计划");
        var click = CardJson.Click(form, "plan.submit", FormSteps.ValidPlan(form));

        var answer = await _world.ExecuteAsync(Stranger, click);

        Assert.Contains("请联系教务处（吴苏玲）", answer.Message());
        Assert.Empty(_world.Store.History("2024-wuxi", "jd", "plan"));
    }

    [Fact]
    public async Task Stranger_OpeningAnItemOfAnotherDepartment_SeesNothing()
    {
        await FormSteps.SubmitPlanAsync(_world);
        var open = new JsonObject { ["verb"] = "form.open", ["weekId"] = "2024-wuxi", ["itemKey"] = "plan" };

        var answer = await _world.ExecuteAsync(Stranger, open);

        Assert.DoesNotContain("智能制造", answer.Message());
    }

    [Fact]
    public async Task AnotherLiaison_SeesOnlyTheirOwnDepartment()
    {
        await FormSteps.SubmitPlanAsync(_world);

        var card = await _world.CardForAsync(OtherLiaison, "计划");

        Assert.Contains("信息工程学院", CardJson.AllText(card));
        Assert.DoesNotContain("智能制造", CardJson.AllText(card));
        Assert.Equal("李娜", CardJson.Value(card, "liaisonName"));
    }

    [Fact]
    public async Task Staff_ArePointedToTheOfficeCommands()
    {
        // Plain "日报" from staff is an office question (who has not reported today); asking to fill in the form is not.
        var text = await _world.TextForAsync(Staff, "我要填日报");
        Assert.Equal("表单和材料由各二级学院（部门）联络员报送。教务处老师可以发送“进度”或“谁没交”查看报送情况。", text);
    }

    [Fact]
    public async Task Stranger_InEnglish()
    {
        var text = await _world.TextForAsync(Stranger, "report", "en-US");
        Assert.Equal("You are not on the liaison list of \"2024年职业教育活动周\", so you cannot submit forms. To be added, please contact 教务处 (吴苏玲).", text);
    }

    [Fact]
    public async Task NoActiveWeek_SaysThereIsNothingToSubmit()
    {
        using var world = new FormsWorld(withWeek: false);
        Assert.Equal("目前没有进行中的职业教育活动周，暂时无需填报。", await world.TextForAsync(Liaison, "计划"));
    }

    [Fact]
    public async Task ACardOfAnotherWeek_IsRefused()
    {
        var form = await _world.CardForAsync(Liaison, "计划");
        var click = CardJson.Click(form, "plan.submit", FormSteps.ValidPlan(form));
        click["weekId"] = "2020-shandong";

        var answer = await _world.ExecuteAsync(Liaison, click);

        Assert.Contains("不属于当前的“2024年职业教育活动周”", answer.Message());
        Assert.Empty(_world.Store.History("2024-wuxi", "jd", "plan"));
    }

    [Fact]
    public async Task ACardForTheWrongItem_IsRefused()
    {
        var form = await _world.CardForAsync(Liaison, "计划");
        var click = CardJson.Click(form, "plan.submit", FormSteps.ValidPlan(form));
        click["itemKey"] = "report:2024-05-14";

        Assert.Contains("已失效", (await _world.ExecuteAsync(Liaison, click)).Message());
    }
}
