using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using VocEdWeek.Bot.Handlers;
using VocEdWeek.Bot.App;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Features.UploadPage;
using VocEdWeek.Bot.Links;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Tests.Features.Forms;
using VocEdWeek.Bot.Words;
using static VocEdWeek.Bot.Tests.Features.Forms.FormsWorld;

namespace VocEdWeek.Bot.Tests.Features.UploadPage;

/// <summary>"上传链接" and its variants through the real router: which item the link is for, and who gets none.</summary>
public sealed class UploadLinkCommandTests
{
    [Theory]
    [InlineData("上传链接", "report:2024-05-14")]
    [InlineData("上传页面", "report:2024-05-14")]
    [InlineData("手机上传", "report:2024-05-14")]
    [InlineData("upload link", "report:2024-05-14")]
    [InlineData("Upload page", "report:2024-05-14")]
    [InlineData("上传链接 5月13日", "report:2024-05-13")]
    [InlineData("上传链接 昨天", "report:2024-05-13")]
    [InlineData("5月12日的上传链接", "report:2024-05-12")]
    [InlineData("upload link May 13", "report:2024-05-13")]
    [InlineData("上传链接 总结", "summary")]
    [InlineData("上传链接 计划", "plan")]
    [InlineData("upload link statistics", "statistics")]
    public async Task A_liaison_gets_a_link_for_the_item_asked(string command, string itemKey)
    {
        using var world = new FormsWorld();
        var card = await world.CardForAsync(Liaison, command);
        Assert.Equal(itemKey, Grant(world, card).ItemKey);
        Assert.Equal("jd", Grant(world, card).DepartmentId);
    }

    [Theory]
    [InlineData(5, 10, "plan")]     // before the week: the plan, like a chat file
    [InlineData(5, 16, "report:2024-05-16")]
    [InlineData(5, 19, "summary")]  // after the week: the summary
    public async Task Without_a_day_the_link_goes_where_a_chat_file_would(int month, int day, string itemKey)
    {
        using var world = new FormsWorld(Beijing(2024, month, day, 10, 0));
        Assert.Equal(itemKey, Grant(world, await world.CardForAsync(Liaison, "上传链接")).ItemKey);
    }

    [Fact]
    public async Task The_link_carries_who_where_and_the_chat_to_acknowledge_in()
    {
        using var world = new FormsWorld();
        var card = await world.CardForAsync(OtherLiaison, "upload link", "en-US");
        var grant = Grant(world, card);
        Assert.Equal(new UploadGrant("2024-wuxi", "xx", "report:2024-05-14", "李娜", OtherLiaison.AadObjectId, $"a:{OtherLiaison.Id}", "en-US", OtherLiaison.AadObjectId), grant);
        var shown = CardJson.Show(card);
        Assert.Contains("信息工程学院 · report of May 14", shown, StringComparison.Ordinal);
        Assert.Contains("May 14, 22:00 (Beijing time)", shown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("上传链接 5月20日", "5月20日不在“2024年职业教育活动周”的日期范围内（5月12日至5月18日）")]
    [InlineData("上传链接 5月15日", "5月15日还没到")]
    [InlineData("上传链接 2月30日", "没能识别日期“2月30日”")]
    public async Task Days_outside_the_week_or_to_come_get_a_clear_answer_and_no_link(string command, string expected)
    {
        using var world = new FormsWorld();
        var text = await world.TextForAsync(Liaison, command);
        Assert.Contains(expected, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_and_strangers_get_no_link_but_a_clear_answer()
    {
        using var world = new FormsWorld();
        Assert.Contains("表单和材料由各二级学院（部门）联络员报送", await world.TextForAsync(Staff, "上传链接"), StringComparison.Ordinal);
        Assert.Contains("不在“2024年职业教育活动周”的联络员名单中", await world.TextForAsync(Stranger, "上传链接"), StringComparison.Ordinal);
        Assert.Contains("吴苏玲", await world.TextForAsync(Stranger, "上传链接"), StringComparison.Ordinal);
        Assert.Contains("As 教务处 staff", await world.TextForAsync(Staff, "upload link", "en-US"), StringComparison.Ordinal);
        Assert.Contains("not on the liaison list", await world.TextForAsync(Stranger, "upload link", "en-US"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_week_there_is_no_link()
    {
        using var world = new FormsWorld(withWeek: false);
        Assert.Contains("没有进行中的职业教育活动周", await world.TextForAsync(Liaison, "上传链接"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_a_group_chat_the_personal_link_is_not_posted()
    {
        await using var w = await UploadWorld.StartAsync();
        var posts = await w.SayAsync("上传链接", conversationType: "groupChat");
        var post = Assert.Single(posts);
        Assert.Null(post["attachments"]);
        Assert.Contains("私聊", (string)post["text"]!, StringComparison.Ordinal);
        Assert.DoesNotContain("/upload/", post.ToJsonString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("上传")]
    [InlineData("upload status")]
    [InlineData("上传链接 随便")]
    [InlineData("日报")]
    public void Other_wording_is_left_to_other_commands(string text)
    {
        var parsed = UploadWords.Parse(CommandText.From(text));
        Assert.True(text == "上传" ? parsed is not null : parsed is null, text);
    }

    [Fact]
    public async Task Help_lists_the_command()
    {
        using var world = new FormsWorld();
        var help = CardJson.Show(await world.CardForAsync(Liaison, "帮助"));
        Assert.Contains("上传链接", help, StringComparison.Ordinal);
        Assert.DoesNotContain("本云环境", help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chat_file_that_cannot_be_fetched_points_to_the_upload_link()
    {
        using var world = new FormsWorld();
        var turn = world.Build(Liaison, TurnKind.Message, "zh-CN", "", null);
        var withFile = new TurnContext(world.Messenger)
        {
            Kind = TurnKind.Message, Conversation = turn.Conversation, User = turn.User, Culture = turn.Culture, ReceivedAt = turn.ReceivedAt,
            ActivityId = "act-phone-1", Files = [new IncomingFile("现场.mp4", "video/mp4", "https://college.sharepoint.example/dl/1", false, "U1")],
        };
        await world.Get<ITurnHandler>().OnTurnAsync(withFile, CancellationToken.None);
        await world.Get<FileIntakeWorker>().ProcessBatchAsync($"{turn.Conversation.ConversationId}|act-phone-1", CancellationToken.None);
        Assert.Contains("现场.mp4（下载失败", world.LastText(), StringComparison.Ordinal);
        Assert.Contains("发送“上传链接”在网页中上传", world.LastText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_the_China_cloud_help_says_chat_files_do_not_arrive_and_points_to_the_link()
    {
        await using var w = await UploadWorld.StartAsync(new() { ["Cloud"] = "China" });
        var help = Assert.Single(await w.SayAsync("帮助")).ToJsonString(new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.Contains("本云环境中聊天里的文件无法送达机器人", help, StringComparison.Ordinal);
    }

    private static UploadGrant Grant(FormsWorld world, JsonObject card)
    {
        var url = (string)CardJson.Elements(card).Single(e => (string?)e["type"] == "Action.OpenUrl")["url"]!;
        var check = world.Get<LinkSigner>().Verify(url[(url.LastIndexOf('/') + 1)..], UploadGrant.Purpose);
        Assert.Equal(LinkStatus.Valid, check.Status);
        return UploadGrant.From(check)!;
    }
}
