using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Tests.Features.Forms;
using static VocEdWeek.Bot.Tests.Features.Forms.FormsWorld;

namespace VocEdWeek.Bot.Tests.Features.Plan;

public sealed class PlanFormTests : IDisposable
{
    private readonly FormsWorld _world = new(Beijing(2024, 5, 11, 16, 20));

    public void Dispose() => _world.Dispose();

    [Theory]
    [InlineData("计划")]
    [InlineData("方案")]
    [InlineData("信息采集表")]
    [InlineData("plan")]
    [InlineData("我要填计划")]
    [InlineData("Fill in the plan")]
    public async Task Command_RendersPlanForm_WithEveryInput(string command)
    {
        var card = await _world.CardForAsync(Liaison, command);

        var row = FormSteps.PlanRowIds(card).Single();
        foreach (var id in new[] { "liaisonName", "phone", "email", "planSummary", "columnUrl", $"a_{row}_name", $"a_{row}_category", $"a_{row}_date", $"a_{row}_place", $"a_{row}_audience", $"a_{row}_expected", $"a_{row}_public" })
            Assert.True(CardJson.HasInput(card, id), id);
        Assert.Equal("1.5", (string?)card["version"]);
        // Contact details come pre-filled from the week file.
        Assert.Equal("张伟", CardJson.Value(card, "liaisonName"));
        Assert.Equal("13800000001", CardJson.Value(card, "phone"));
        Assert.Equal("zhangwei@college.example.edu.cn", CardJson.Value(card, "email"));
        var category = CardJson.Input(card, $"a_{row}_category");
        Assert.Equal(12, category["choices"]!.AsArray().Count);
        Assert.Contains("“十年·回眸”主题活动", CardJson.AllText(card));
        Assert.Contains("校园招聘会", CardJson.AllText(card));
        var date = CardJson.Input(card, $"a_{row}_date");
        Assert.Equal("2024-05-12", (string?)date["min"]);
        Assert.Equal("2024-05-18", (string?)date["max"]);
        Assert.Equal("0", CardJson.Text(CardJson.Input(card, $"a_{row}_expected")["min"]));
        Assert.True((bool)CardJson.Input(card, "phone")["isRequired"]!);
        Assert.NotNull(CardJson.Input(card, "columnUrl")["regex"]);
        var submit = CardJson.Click(card, "plan.submit");
        Assert.Equal("2024-wuxi", (string?)submit["weekId"]);
        Assert.Equal("plan", (string?)submit["itemKey"]);
        Assert.Equal(32, ((string?)submit["cardId"])!.Length);
    }

    [Fact]
    public async Task English_User_GetsEnglishForm()
    {
        var card = await _world.CardForAsync(Liaison, "plan", "en-US");
        var text = CardJson.AllText(card);
        Assert.Contains("Plan and information form", text);
        Assert.Contains("Campus job fair", text);
        Assert.Contains("\"Ten Years in Retrospect\" theme activities", text);
        Assert.DoesNotContain("方案与信息采集表", text);
    }

    [Fact]
    public async Task AddActivity_ReturnsOneMoreRow_KeepingEverythingTyped()
    {
        var card = await _world.CardForAsync(Liaison, "计划");
        var typed = FormSteps.ValidPlan(card);

        var added = (await _world.ExecuteAsync(Liaison, CardJson.Click(card, "plan.addActivity", typed))).Card();

        var rows = FormSteps.PlanRowIds(added);
        Assert.Equal(2, rows.Count);
        foreach (var (id, value) in typed) Assert.Equal(value, CardJson.Value(added, id));
        Assert.Equal("", CardJson.Value(added, $"a_{rows[1]}_name"));
        Assert.Equal(CardJson.Click(card, "plan.submit")["cardId"]!.ToString(), CardJson.Click(added, "plan.submit")["cardId"]!.ToString());
        Assert.Null(CardJson.ErrorUnder(added, $"a_{rows[1]}_name"));
        Assert.Empty(_world.Store.History("2024-wuxi", "jd", "plan"));
    }

    [Fact]
    public async Task RemoveActivity_RemovesThatRow_KeepingTheOthers()
    {
        var card = await _world.CardForAsync(Liaison, "计划");
        var typed = FormSteps.ValidPlan(card);
        var two = (await _world.ExecuteAsync(Liaison, CardJson.Click(card, "plan.addActivity", typed))).Card();
        var rows = FormSteps.PlanRowIds(two);
        typed[$"a_{rows[1]}_name"] = "校企集中签约仪式";

        // The first remove button belongs to the first row.
        var removed = (await _world.ExecuteAsync(Liaison, CardJson.Click(two, "plan.removeActivity", typed, index: 0))).Card();

        Assert.Equal([rows[1]], FormSteps.PlanRowIds(removed));
        Assert.Equal("校企集中签约仪式", CardJson.Value(removed, $"a_{rows[1]}_name"));
        Assert.Equal(typed["planSummary"], CardJson.Value(removed, "planSummary"));
        Assert.DoesNotContain(CardJson.Actions(removed), a => (string?)a["verb"] == "plan.removeActivity");
    }

    [Fact]
    public async Task Submit_StoresFirst_ThenAnswersWithReceipt()
    {
        _world.SetBeijing(5, 12, 11, 42);
        var receipt = await FormSteps.SubmitPlanAsync(_world);

        var stored = Assert.Single(_world.Store.History("2024-wuxi", "jd", "plan"));
        Assert.Contains("智能制造实训中心开放日", stored.Data);
        // Read as JSON: PostgreSQL keeps form data as jsonb, which gives it back in its own spacing.
        var activities = System.Text.Json.JsonDocument.Parse(stored.Data).RootElement.GetProperty("activities");
        Assert.Contains(activities.EnumerateArray(), a => a.GetProperty("category").GetString() == "openCampus");
        Assert.Equal("张伟", stored.SubmittedByName);
        var text = CardJson.AllText(receipt);
        Assert.Contains("已提交 ✓ 11:42", text);
        Assert.Contains("第1版", text);
        Assert.Contains("智能制造实训中心开放日（校园开放活动）", text);
        Assert.Contains("https://jd.college.example.edu.cn/zjhdz2024", text);
        Assert.Empty(CardJson.Inputs(receipt));
        var edit = CardJson.Click(receipt, "form.open");
        Assert.Equal("plan", (string?)edit["itemKey"]);
    }

    [Fact]
    public async Task DoubleClick_StoresOnce_AndAnswersWithTheSameReceipt()
    {
        var form = await _world.CardForAsync(Liaison, "计划");
        var click = CardJson.Click(form, "plan.submit", FormSteps.ValidPlan(form));

        var first = (await _world.ExecuteAsync(Liaison, click)).Card();
        _world.Clock.Advance(TimeSpan.FromSeconds(2));
        var second = (await _world.ExecuteAsync(Liaison, click)).Card();

        Assert.Single(_world.Store.History("2024-wuxi", "jd", "plan"));
        Assert.Equal(CardJson.AllText(first), CardJson.AllText(second));
    }

    [Fact]
    public async Task Edit_BringsTheFormBackPrefilled_AndSubmittingAgainAddsVersion2WithHistory()
    {
        _world.SetBeijing(5, 12, 9, 5);
        var receipt = await FormSteps.SubmitPlanAsync(_world);

        _world.SetBeijing(5, 12, 15, 30);
        var form = (await _world.ExecuteAsync(Liaison, CardJson.Click(receipt, "form.open"))).Card();
        var row = FormSteps.PlanRowIds(form).Single();
        Assert.Equal("智能制造实训中心开放日", CardJson.Value(form, $"a_{row}_name"));
        Assert.Equal("200", CardJson.Value(form, $"a_{row}_expected"));
        Assert.Equal("true", CardJson.Value(form, $"a_{row}_public"));
        Assert.Contains("已提交第1版", CardJson.AllText(form));

        var second = (await _world.ExecuteAsync(Liaison, CardJson.Click(form, "plan.submit", new Dictionary<string, string> { [$"a_{row}_place"] = "实训楼B座" }))).Card();

        var history = _world.Store.History("2024-wuxi", "jd", "plan");
        Assert.Equal([1, 2], history.Select(h => h.Version));
        Assert.Contains("实训楼A座", history[0].Data);
        Assert.Contains("实训楼B座", history[1].Data);
        Assert.True(history[1].IsCurrent);
        var text = CardJson.AllText(second);
        Assert.Contains("第2版", text);
        Assert.Contains("第1版 · 5月12日 09:05 · 张伟", text);
        Assert.Contains("第2版 · 5月12日 15:30 · 张伟", text);
        // Status counts from the first version: fixing it after the deadline keeps it on time.
        Assert.Contains("已提交 ✓ 15:30", text);
    }

    [Theory]
    [InlineData(11, 59, 59, "已提交 ✓ 11:59")]
    [InlineData(12, 0, 1, "迟交 ✓ 12:00")]
    [InlineData(23, 59, 0, "迟交 ✓ 23:59")]
    public async Task Status_AcrossTheNoonDeadline_OfTheFirstDay(int hour, int minute, int second, string expected)
    {
        _world.SetBeijing(5, 12, hour, minute, second);
        var receipt = await FormSteps.SubmitPlanAsync(_world);
        Assert.Contains(expected, CardJson.AllText(receipt));
    }

    [Fact]
    public async Task ActionSubmit_UpdatesTheCardMessage_WithTheReceipt()
    {
        var form = await _world.CardForAsync(Liaison, "计划");
        var cardMessage = _world.Messenger.Sent[^1].ActivityId;

        var turn = await _world.SubmitAsync(Liaison, CardJson.Click(form, "plan.submit", FormSteps.ValidPlan(form)), cardMessage);

        Assert.Null(turn.InvokeResult);
        var (_, id, message) = Assert.Single(_world.Messenger.Updated);
        Assert.Equal(cardMessage, id);
        Assert.Contains("已提交 ✓", CardJson.AllText(message.Cards.Single()));
        Assert.Single(_world.Store.History("2024-wuxi", "jd", "plan"));
    }
}

public sealed class PlanCardSizeTests
{
    [Fact]
    public async Task AFullPlan_StaysUnderTeamsSafeCardSize_AndCannotGrowFurther()
    {
        using var world = new FormsWorld(Beijing(2024, 5, 11, 16, 20));
        var card = await world.CardForAsync(Liaison, "计划");
        var typed = FormSteps.ValidPlan(card);
        while (CardJson.Actions(card).Any(a => (string?)a["verb"] == "plan.addActivity"))
        {
            card = (await world.ExecuteAsync(Liaison, CardJson.Click(card, "plan.addActivity", typed))).Card();
            foreach (var row in FormSteps.PlanRowIds(card))
            {
                typed[$"a_{row}_name"] = "“十年·回眸”职业教育活动周成果展暨技能展演";
                typed[$"a_{row}_category"] = "review10";
                typed[$"a_{row}_date"] = "2024-05-16";
                typed[$"a_{row}_place"] = "图书馆一楼展厅";
                typed[$"a_{row}_audience"] = "本校师生、合作企业、社会公众";
                typed[$"a_{row}_expected"] = "300";
            }
        }
        Assert.Equal(VocEdWeek.Bot.Features.Plan.PlanRows.Max, FormSteps.PlanRowIds(card).Count);
        var size = CardJson.Show(card).Length;
        Assert.True(size < 28_000, $"A full plan card is {size} characters.");
        Assert.DoesNotContain(CardJson.Actions(card), a => (string?)a["verb"] == "plan.addActivity");
    }
}
