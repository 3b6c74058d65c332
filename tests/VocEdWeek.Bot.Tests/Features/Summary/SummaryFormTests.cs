using VocEdWeek.Bot.Features.Summary;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Tests.Features.Forms;
using static VocEdWeek.Bot.Tests.Features.Forms.FormsWorld;

namespace VocEdWeek.Bot.Tests.Features.Summary;

public sealed class SummaryFormTests : IDisposable
{
    private readonly FormsWorld _world = new(Beijing(2024, 5, 19, 9, 0));

    public void Dispose() => _world.Dispose();

    [Theory]
    [InlineData("总结")]
    [InlineData("summary")]
    [InlineData("写总结")]
    public async Task Command_RendersTheTextInput_AndTheFileHint(string command)
    {
        var card = await _world.CardForAsync(Liaison, command);

        var input = CardJson.Input(card, "summaryText");
        Assert.True((bool)input["isMultiline"]!);
        Assert.True((bool)input["isRequired"]!);
        Assert.Equal("5000", CardJson.Text(input["maxLength"]));
        Assert.Contains("Word 或 PDF", CardJson.AllText(card));
    }

    [Theory]
    [InlineData("", "此项为必填")]
    [InlineData("\n  \n", "此项为必填")]
    public async Task EmptyText_IsRequired(string text, string message)
    {
        var form = await _world.CardForAsync(Liaison, "总结");
        var card = (await _world.ExecuteAsync(Liaison, CardJson.Click(form, "summary.submit", new Dictionary<string, string> { ["summaryText"] = text }))).Card();
        Assert.Equal(message, CardJson.ErrorUnder(card, "summaryText"));
    }

    [Fact]
    public async Task TooLongText_IsRefused_AndKept()
    {
        var form = await _world.CardForAsync(Liaison, "总结");
        var text = new string('结', 5001);
        var card = (await _world.ExecuteAsync(Liaison, CardJson.Click(form, "summary.submit", new Dictionary<string, string> { ["summaryText"] = text }))).Card();
        Assert.Equal("最多 5000 字，现在 5001 字", CardJson.ErrorUnder(card, "summaryText"));
        Assert.Equal(text, CardJson.Value(card, "summaryText"));
    }

    [Fact]
    public async Task Submit_StoresAndAnswersWithReceipt()
    {
        var receipt = await FormSteps.SubmitAsync(_world, "总结", "summary.submit", _ => new() { ["summaryText"] = "本次活动周共开展活动12项，参与师生1620人次。" });

        Assert.Contains("已提交 ✓ 09:00", CardJson.AllText(receipt));
        Assert.Contains("本次活动周共开展活动12项", CardJson.AllText(receipt));
        Assert.Single(_world.Store.History("2024-wuxi", "jd", "summary"));
    }

    [Fact]
    public async Task ADocumentSentInChat_IsRecorded_AndThenTheTextIsOptional()
    {
        var service = _world.Get<SummaryService>();
        var document = new SummaryDocument("机电学院活动周总结.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "files/2024-wuxi/jd/summary/1.docx", 48213, DateTime.UtcNow);

        var stored = service.AttachDocument("2024-wuxi", "jd", document, "张伟", Liaison.AadObjectId, Liaison.Id);
        var again = service.AttachDocument("2024-wuxi", "jd", document, "张伟", Liaison.AadObjectId, Liaison.Id);

        Assert.Equal(stored.Id, again.Id);
        Assert.Single(_world.Store.History("2024-wuxi", "jd", "summary"));
        var form = await _world.CardForAsync(Liaison, "总结");
        Assert.False((bool)CardJson.Input(form, "summaryText")["isRequired"]!);
        Assert.Contains("机电学院活动周总结.docx", CardJson.AllText(form));

        var receipt = (await _world.ExecuteAsync(Liaison, CardJson.Click(form, "summary.submit"))).Card();

        Assert.Contains("第2版", CardJson.AllText(receipt));
        Assert.Contains("机电学院活动周总结.docx", CardJson.AllText(receipt));
        Assert.Contains("机电学院活动周总结.docx", _world.Store.Current("2024-wuxi", "jd", "summary")!.Data);
    }

    [Fact]
    public async Task ASummaryFileFiledByTheFileIntake_AlsoMakesTheTextOptional()
    {
        _world.Get<VocEdWeek.Bot.Files.IMediaStore>().Add(new VocEdWeek.Bot.Files.MediaRecord
        {
            WeekId = "2024-wuxi", DepartmentId = "jd", ItemKey = "summary", FileName = "活动周总结.pdf", OriginalName = "活动周总结.pdf",
            Kind = VocEdWeek.Bot.Files.MediaKind.Document, State = VocEdWeek.Bot.Files.MediaState.Stored, ReceivedAt = DateTime.UtcNow, FromName = "张伟",
        });

        var form = await _world.CardForAsync(Liaison, "总结");
        Assert.False((bool)CardJson.Input(form, "summaryText")["isRequired"]!);
        var receipt = (await _world.ExecuteAsync(Liaison, CardJson.Click(form, "summary.submit"))).Card();

        Assert.Contains("已提交 ✓", CardJson.AllText(receipt));
        Assert.Contains("1 个文件：活动周总结.pdf", CardJson.AllText(receipt));
    }
}
