using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Tests.Features.Forms;
using static VocEdWeek.Bot.Tests.Features.Forms.FormsWorld;

namespace VocEdWeek.Bot.Tests.Features.Plan;

/// <summary>Each bad input comes back as the same form: message under that field, everything typed kept, nothing stored.</summary>
public sealed class PlanValidationTests : IDisposable
{
    private readonly FormsWorld _world = new(Beijing(2024, 5, 11, 16, 20));

    public void Dispose() => _world.Dispose();

    [Theory]
    [InlineData("liaisonName", "", "此项为必填")]
    [InlineData("liaisonName", "   ", "此项为必填")]
    [InlineData("phone", "call me", "有效的电话号码")]
    [InlineData("phone", "", "此项为必填")]
    [InlineData("email", "zhangwei.college.edu", "有效的邮箱地址")]
    [InlineData("planSummary", "", "此项为必填")]
    [InlineData("columnUrl", "www.college.example.edu.cn", "http:// 或 https://")]
    [InlineData("columnUrl", "ftp://college.example.edu.cn/x", "http:// 或 https://")]
    [InlineData("columnUrl", "https://exa mple.com", "http:// 或 https://")]
    [InlineData("a_{row}_name", "", "此项为必填")]
    [InlineData("a_{row}_category", "", "此项为必填")]
    [InlineData("a_{row}_category", "party", "从列表中选择活动类别")]
    [InlineData("a_{row}_date", "", "此项为必填")]
    [InlineData("a_{row}_date", "2024-05-20", "活动周内的日期（5月12日至5月18日）")]
    [InlineData("a_{row}_date", "2024-02-30", "活动周内的日期")]
    [InlineData("a_{row}_date", "next week", "活动周内的日期")]
    [InlineData("a_{row}_place", "", "此项为必填")]
    [InlineData("a_{row}_expected", "-5", "不能为负数")]
    [InlineData("a_{row}_expected", "2.5", "整数")]
    [InlineData("a_{row}_expected", "2000000", "数字过大")]
    public async Task BadInput_ComesBackWithTheMessageUnderTheField(string field, string value, string message)
    {
        var form = await _world.CardForAsync(Liaison, "计划");
        var row = FormSteps.PlanRowIds(form)[0];
        var typed = FormSteps.ValidPlan(form);
        field = field.Replace("{row}", row, StringComparison.Ordinal);
        typed[field] = value;

        var card = (await _world.ExecuteAsync(Liaison, CardJson.Click(form, "plan.submit", typed))).Card();

        Assert.Contains(message, CardJson.ErrorUnder(card, field) ?? "(no error under the field)");
        Assert.Contains("有 1 处需要修改", CardJson.AllText(card));
        AssertKept(card, typed, field);
        Assert.Empty(_world.Store.History("2024-wuxi", "jd", "plan"));
        // The same card instance: once fixed, a double click still stores once.
        Assert.Equal((string?)CardJson.Click(form, "plan.submit")["cardId"], (string?)CardJson.Click(card, "plan.submit")["cardId"]);
    }

    [Theory]
    [InlineData("liaisonName", 51)]
    [InlineData("planSummary", 2001)]
    [InlineData("a_{row}_name", 101)]
    [InlineData("a_{row}_audience", 101)]
    public async Task TooLong_IsRefusedWithTheLimit(string field, int length)
    {
        var form = await _world.CardForAsync(Liaison, "计划");
        var typed = FormSteps.ValidPlan(form);
        field = field.Replace("{row}", FormSteps.PlanRowIds(form)[0], StringComparison.Ordinal);
        typed[field] = new string('长', length);

        var card = (await _world.ExecuteAsync(Liaison, CardJson.Click(form, "plan.submit", typed))).Card();

        Assert.Contains($"最多 {length - 1} 字，现在 {length} 字", CardJson.ErrorUnder(card, field));
        Assert.Equal(typed[field], CardJson.Value(card, field));
    }

    [Fact]
    public async Task NoActivityAtAll_AsksForOne()
    {
        var form = await _world.CardForAsync(Liaison, "计划");
        var typed = FormSteps.ValidPlan(form).Where(p => !p.Key.StartsWith("a_", StringComparison.Ordinal)).ToDictionary();

        var card = (await _world.ExecuteAsync(Liaison, CardJson.Click(form, "plan.submit", typed))).Card();

        Assert.Contains("请至少填写一项计划开展的活动", CardJson.AllText(card));
        Assert.Empty(_world.Store.History("2024-wuxi", "jd", "plan"));
    }

    [Fact]
    public async Task AnUntouchedExtraRow_IsLeftOut()
    {
        var form = await _world.CardForAsync(Liaison, "计划");
        var typed = FormSteps.ValidPlan(form);
        var two = (await _world.ExecuteAsync(Liaison, CardJson.Click(form, "plan.addActivity", typed))).Card();

        var receipt = (await _world.ExecuteAsync(Liaison, CardJson.Click(two, "plan.submit", typed))).Card();

        Assert.Contains("共 1 项", CardJson.AllText(receipt));
    }

    [Fact]
    public async Task English_Errors_AreInEnglish()
    {
        var form = await _world.CardForAsync(Liaison, "plan", "en-US");
        var typed = FormSteps.ValidPlan(form);
        typed["email"] = "nope";

        var card = (await _world.ExecuteAsync(Liaison, CardJson.Click(form, "plan.submit", typed), "en-US")).Card();

        Assert.Equal("Enter a valid e-mail address, e.g. name@example.edu.cn", CardJson.ErrorUnder(card, "email"));
        Assert.Contains("1 field(s) need attention", CardJson.AllText(card));
    }

    private static void AssertKept(System.Text.Json.Nodes.JsonObject card, Dictionary<string, string> typed, string changed)
    {
        foreach (var (id, value) in typed)
        {
            // An Input.Number cannot show text that is not a number; everything else comes back exactly.
            if (id == changed && id.EndsWith("_expected", StringComparison.Ordinal)) continue;
            Assert.Equal(value, CardJson.Value(card, id));
        }
    }
}
