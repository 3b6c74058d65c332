using VocEdWeek.Bot.Tests.Features.Forms;
using VocEdWeek.Bot.Tests.Features.Office;

namespace VocEdWeek.Bot.Tests.Files.Publishing;

/// <summary>"文件状态" when SharePoint is not configured: staff see that files stay local; others are refused.</summary>
public sealed class FileStatusWithoutSharePointTests
{
    [Fact]
    public async Task Staff_see_that_files_are_kept_locally()
    {
        using var world = new OfficeWorld(FormsWorld.Beijing(2024, 5, 14, 10, 0));
        var card = CardJsonText(await world.CardAsync(OfficeWorld.Staff, "文件状态"));
        Assert.Contains("未配置 SharePoint：0 个文件保存在机器人的本地目录中", card);
    }

    [Theory]
    [InlineData("文件状态")]
    [InlineData("重试上传")]
    public async Task Liaisons_and_strangers_are_refused(string command)
    {
        using var world = new OfficeWorld(FormsWorld.Beijing(2024, 5, 14, 10, 0));
        Assert.Equal("此功能仅供教务处使用。如需查看本部门的报送情况，请发送“我的提交”。", await world.TextAsync(OfficeWorld.Liaison, command));
        Assert.Equal("此功能仅供教务处使用。如有需要，请联系教务处（吴苏玲）。", await world.TextAsync(OfficeWorld.Stranger, command));
    }

    private static string CardJsonText(System.Text.Json.Nodes.JsonObject card) => Fakes.CardJson.Show(card);
}
