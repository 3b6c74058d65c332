using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Tests.Features.Forms;
using static VocEdWeek.Bot.Tests.Features.Office.OfficeWorld;

namespace VocEdWeek.Bot.Tests.Features.Office;

/// <summary>免报: staff excuse a department from one item; it is then neither missing nor reminded, and can be lifted again.</summary>
public sealed class ExemptionTests : IDisposable
{
    private readonly OfficeWorld _world = new(FormsWorld.Beijing(2024, 5, 14, 10, 0));

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task Exempt_ByFullName_IsConfirmed_AndTheDepartmentLeavesTheMissingList()
    {
        var text = await _world.TextAsync(Staff, "免报 机电工程学院 5月14日 外出参加省技能大赛");

        Assert.Equal("已将机电工程学院的5月14日（周二）日报设为免报（原因：外出参加省技能大赛）。免报不计入未交，也不会被催报。"
            + "撤销请发送“取消免报 机电工程学院 5月14日”。", text);
        var exemption = Assert.Single(_world.Store.Exemptions("2024-wuxi").Values);
        Assert.Equal(("jd", "report:2024-05-14", "0ff1ce00-0000-4000-8000-000000000001"), (exemption.DepartmentId, exemption.ItemKey, exemption.SetBy));

        var card = await _world.CardAsync(Staff, "今天谁还没报送");
        Assert.DoesNotContain("机电工程学院", CardJson.AllText(card));
        Assert.Contains("未提交（4）", CardJson.AllText(card));
        Assert.Equal("1", (string?)card["body"]![3]!["columns"]![4]!["items"]![0]!["text"]);
    }

    [Theory]
    [InlineData("免报 机电 5月14日", "机电工程学院", "report:2024-05-14")]
    [InlineData("免报机电工程学院5月13日", "机电工程学院", "report:2024-05-13")]
    [InlineData("免报 jd 计划", "机电工程学院", "plan")]
    [InlineData("免报：设计 统计表 原因：合并到艺术学院统计", "设计艺术学院", "statistics")]
    [InlineData("设为免报 经济管理学院 总结", "经济管理学院", "summary")]
    [InlineData("exempt xx yesterday reason: network outage", "信息工程学院", "report:2024-05-13")]
    [InlineData("Exempt 建筑 plan", "建筑工程学院", "plan")]
    public async Task Exempt_DepartmentByIdOrPartOfName_AndDayOrItem(string command, string department, string itemKey)
    {
        var text = await _world.TextAsync(Staff, command);

        Assert.Contains(department, text);
        var exemption = Assert.Single(_world.Store.Exemptions("2024-wuxi").Values);
        Assert.Equal(itemKey, exemption.ItemKey);
    }

    [Fact]
    public async Task Exempt_ReasonKeepsItsCase()
    {
        await _world.TextAsync(Staff, "exempt xx May 13 reason: VPN outage at Campus B", locale: "en-US");

        Assert.Equal("VPN outage at Campus B", Assert.Single(_world.Store.Exemptions("2024-wuxi").Values).Reason);
    }

    [Fact]
    public async Task Unexempt_LiftsIt_AndSaysSoWhenThereWasNone()
    {
        await _world.TextAsync(Staff, "免报 机电工程学院 5月14日");

        Assert.Equal("已取消机电工程学院的5月14日（周二）日报免报，恢复正常统计和催报。", await _world.TextAsync(Staff, "取消免报 机电 5月14日"));
        Assert.Empty(_world.Store.Exemptions("2024-wuxi"));
        Assert.Equal("机电工程学院的5月14日（周二）日报没有免报记录，无需取消。", await _world.TextAsync(Staff, "取消免报 机电工程学院 5月14日"));
    }

    [Fact]
    public async Task Exempt_AlreadySubmitted_IsNoted()
    {
        _world.Submit("jd", "report:2024-05-14", FormsWorld.Beijing(2024, 5, 14, 9, 12));

        var text = await _world.TextAsync(Staff, "免报 机电 今天");

        Assert.EndsWith("注意：该部门已于 5月14日 09:12 提交过，免报后将显示为免报。", text);
    }

    [Theory]
    [InlineData("免报 工程 5月14日", "“工程”对应多个部门：机电工程学院、信息工程学院、建筑工程学院。请写得更完整一些。")]
    [InlineData("免报 外语学院 5月14日", "没有找到部门“外语学院”。请写部门名称（或其中几个字）或编号，如：机电工程学院（jd）、信息工程学院（xx）、经济管理学院（jg）。")]
    [InlineData("免报 机电工程学院", "请这样写：“免报 机电工程学院 5月14日 原因”，日期处也可以写“计划”“统计”“总结”。撤销：“取消免报 机电工程学院 5月14日”。")]
    [InlineData("免报", "请这样写：“免报 机电工程学院 5月14日 原因”，日期处也可以写“计划”“统计”“总结”。撤销：“取消免报 机电工程学院 5月14日”。")]
    [InlineData("免报 机电 5月20日", "5月20日（周一）不在活动周内（5月12日至5月18日）。发送“进度”可查看整周情况。")]
    [InlineData("免报 机电 2月30日", "“2月30日”不是有效的日期，请换一种写法，如“5月14日”。")]
    public async Task Exempt_Mistakes_AreExplained_AndNothingIsStored(string command, string answer)
    {
        Assert.Equal(answer, await _world.TextAsync(Staff, command));
        Assert.Empty(_world.Store.Exemptions("2024-wuxi"));
    }

    [Fact]
    public async Task Exempt_ByALiaisonOrStranger_IsRefused()
    {
        Assert.Equal("此功能仅供教务处使用。如需查看本部门的报送情况，请发送“我的提交”。", await _world.TextAsync(Liaison, "免报 机电工程学院 5月14日"));
        Assert.Equal("此功能仅供教务处使用。如有需要，请联系教务处（吴苏玲）。", await _world.TextAsync(Stranger, "免报 机电工程学院 5月14日"));
        Assert.Empty(_world.Store.Exemptions("2024-wuxi"));
    }
}
