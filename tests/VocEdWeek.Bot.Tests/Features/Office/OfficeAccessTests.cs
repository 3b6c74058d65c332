using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Tests.Features.Forms;
using static VocEdWeek.Bot.Tests.Features.Office.OfficeWorld;

namespace VocEdWeek.Bot.Tests.Features.Office;

/// <summary>
/// Who sees what, on Tuesday 14 May 2024 10:00 in the 2024 Wuxi week (机电工程学院 and 信息工程学院 have reported today):
/// a liaison only their own department, anyone else a polite pointer to the office, nobody without a week any data.
/// </summary>
public sealed class OfficeAccessTests : IDisposable
{
    private readonly OfficeWorld _world = new(FormsWorld.Beijing(2024, 5, 14, 10, 0));

    public OfficeAccessTests()
    {
        _world.Submit("jd", "report:2024-05-14", FormsWorld.Beijing(2024, 5, 14, 9, 12));
        _world.Submit("xx", "report:2024-05-14", FormsWorld.Beijing(2024, 5, 14, 9, 40));
    }

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task Liaison_SeesOnlyTheirOwnDepartment()
    {
        var text = await _world.TextAsync(Liaison, "今天谁还没报送");

        Assert.Equal("机电工程学院 · 5月14日（周二）日报：已提交（5月14日 09:12）。", text);
        foreach (var other in new[] { "信息工程学院", "经济管理学院", "建筑工程学院", "设计艺术学院", "王强" }) Assert.DoesNotContain(other, text);
    }

    [Fact]
    public async Task Liaison_NotYetSubmitted_IsToldTheDeadlineAndHowToFillIn()
    {
        var text = await _world.TextAsync(Liaison, "明天的日报谁没交");
        Assert.Equal("机电工程学院 · 5月15日（周三）日报：未提交，截止 5月15日 12:00，还有 1 天 2 小时。发送“日报 5月15日”即可填写。", text);

        var overdue = await _world.TextAsync(Liaison, "昨天谁没交");
        Assert.Equal("机电工程学院 · 5月13日（周一）日报：未提交，已于 5月13日 12:00 截止，现在提交将记为补交。发送“日报 5月13日”即可填写。", overdue);
    }

    [Fact]
    public async Task Liaison_AskingForProgress_GetsTheirOwnSubmissions()
    {
        var card = await _world.CardAsync(Liaison, "进度");

        var text = CardJson.AllText(card);
        Assert.Contains("机电工程学院", text);
        Assert.DoesNotContain("经济管理学院", text);
    }

    [Fact]
    public async Task Stranger_IsToldItIsForTheOffice()
    {
        var text = await _world.TextAsync(Stranger, "今天谁还没报送");

        Assert.Equal("报送进度和未交名单仅供教务处查看。如需了解，请联系教务处（吴苏玲）。", text);
    }

    [Fact]
    public async Task Stranger_TypingAFormWord_StillGetsTheFormsAnswer()
    {
        var text = await _world.TextAsync(Stranger, "日报");

        Assert.Contains("联络员名单", text);
    }

    [Fact]
    public async Task NoActiveWeek_IsAPoliteMessage()
    {
        using var world = new OfficeWorld(withWeek: false);

        Assert.Equal("目前没有进行中的职业教育活动周，暂无报送进度可查。", await world.TextAsync(Staff, "今天谁还没报送"));
    }

    [Fact]
    public async Task FullProgressButton_PressedByALiaison_DoesNotReplaceTheCard()
    {
        var missing = await _world.CardAsync(Staff, "今天谁还没报送", ConversationScope.Channel);

        var answer = await _world.ExecuteAsync(Liaison, CardJson.Click(missing, "progress.full"), ConversationScope.Channel);

        Assert.Equal("此功能仅供教务处使用。如需查看本部门的报送情况，请发送“我的提交”。", answer.Message());
    }
}
