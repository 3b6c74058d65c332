using System.Net;
using System.Security.Cryptography;
using VocEdWeek.Bot.Features.Exports;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Tests.Features.Forms;
using VocEdWeek.Bot.Tests.Files.SharePoint;

namespace VocEdWeek.Bot.Tests.Features.Exports;

/// <summary>
/// Where exports go: SharePoint when configured (the real Graph store against a fake Graph on 127.0.0.1; its webUrl on
/// the card), the local store when SharePoint fails (said on the card), and how slow builds are announced.
/// </summary>
public sealed class ExportStorageTests
{
    private static Dictionary<string, string?> SharePointAt(FakeGraph graph) =>
        SharePointHarness.Config(graph, new() { ["SharePoint:MaxAttempts"] = "1" });

    [Fact]
    public async Task WithSharePoint_TheFileIsUploadedUnderTheWeekFolder_AndTheCardLinksToIt()
    {
        await using var graph = await FakeGraph.StartAsync();
        await using var app = await ExportApp.StartAsync(settings: SharePointAt(graph));

        await app.SayAsync(FormsWorld.Staff, "导出统计表");

        var record = Assert.Single(app.Store.ForWeek("2024-wuxi"));
        Assert.Equal(ExportStorage.SharePoint, record.Storage);
        Assert.False(record.FellBackToLocal);
        var (path, file) = Assert.Single(graph.Files);
        Assert.Equal($"职业教育活动周/2024年职业教育活动周/导出/{record.FileName}", path);
        Assert.Equal(record.Sha256, Convert.ToHexStringLower(SHA256.HashData(file.Content!)));
        var card = Assert.Single(app.Cards());
        Assert.Equal(record.WebUrl, Assert.Single(ExportApp.Links(card)));
        Assert.Equal(file.WebUrl, record.WebUrl);
        Assert.Contains("在 SharePoint 中打开", card.ToJsonString(Relaxed));
        Assert.False(Directory.Exists(Path.Combine(app.DataDirectory, "files", "2024年职业教育活动周", "导出")));
    }

    [Fact]
    public async Task WithSharePoint_SendToChat_ReadsTheFileBackFromSharePoint()
    {
        await using var graph = await FakeGraph.StartAsync();
        await using var app = await ExportApp.StartAsync(settings: SharePointAt(graph));
        using var oneDrive = WireMock.Server.WireMockServer.Start();
        oneDrive.Given(WireMock.RequestBuilders.Request.Create().WithPath("/s").UsingPut())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(201));
        await app.SayAsync(FormsWorld.Staff, "导出统计表");
        var record = Assert.Single(app.Store.ForWeek("2024-wuxi"));

        using var response = await app.ConsentAsync(FormsWorld.Staff, new System.Text.Json.Nodes.JsonObject
        {
            ["type"] = "fileUpload", ["action"] = "accept", ["context"] = new System.Text.Json.Nodes.JsonObject { ["exportId"] = record.Id },
            ["uploadInfo"] = new System.Text.Json.Nodes.JsonObject { ["name"] = record.FileName, ["uploadUrl"] = oneDrive.Url + "/s", ["contentUrl"] = "https://c/x", ["uniqueId"] = "u", ["fileType"] = "xlsx" },
        }, "consent-1");
        await app.IdleAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Assert.Single(graph.Files).Value.Content, Assert.Single(oneDrive.LogEntries).RequestMessage!.BodyAsBytes);
        Assert.Contains(graph.Requests, r => r.Method == "GET" && r.Target.EndsWith("/content", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WhenSharePointFails_TheFileIsKeptLocally_AndTheCardSaysSo()
    {
        await using var graph = await FakeGraph.StartAsync();
        graph.Down = true;
        await using var app = await ExportApp.StartAsync(settings: SharePointAt(graph));

        await app.SayAsync(FormsWorld.Staff, "导出统计表");

        var record = Assert.Single(app.Store.ForWeek("2024-wuxi"));
        Assert.Equal(ExportStorage.Local, record.Storage);
        Assert.True(record.FellBackToLocal);
        var card = Assert.Single(app.Cards());
        Assert.Contains("SharePoint 暂时无法保存，文件已存放在机器人的本地存储中", card.ToJsonString(Relaxed));
        using var download = await app.GetLinkAsync(Assert.Single(ExportApp.Links(card)));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(record.Sha256, Convert.ToHexStringLower(SHA256.HashData(await download.Content.ReadAsByteArrayAsync())));
    }

    [Fact]
    public async Task SlowExport_SaysItIsWorkingFirst_ThenSendsTheCard()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = await ExportApp.StartAsync(gate: gate.Task);

        var armed = app.Clock.TimerArmed(ExportHandler.ProgressAfter);
        var said = app.Connector.PostedAsync(p => p?["text"] is not null);
        var say = app.SayAsync(FormsWorld.Staff, "导出全部");
        // The handler waits 1.5 s on the app's clock before it says anything: once it waits, move the clock past that.
        await armed.WaitAsync(HangGuard.Limit);
        app.Clock.Advance(ExportHandler.ProgressAfter);
        await said.WaitAsync(HangGuard.Limit);
        Assert.Equal("正在生成 5 个文件，请稍候…", app.Texts());
        Assert.Empty(app.Cards());
        gate.SetResult();
        await say;

        var posted = app.Posted();
        Assert.Equal(2, posted.Count);
        Assert.Equal("正在生成 5 个文件，请稍候…", (string?)posted[0]["text"]);
        Assert.Equal(5, ExportApp.Links(Assert.Single(app.Cards())).Count);
    }

    [Fact]
    public async Task QuickExport_SendsOnlyTheCard()
    {
        await using var app = await ExportApp.StartAsync();

        await app.SayAsync(FormsWorld.Staff, "导出统计表");

        Assert.Single(app.Posted());
        Assert.Single(app.Cards());
    }

    private static readonly System.Text.Json.JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
