using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using VocEdWeek.Bot.Features.Exports;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Tests.Features.Forms;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace VocEdWeek.Bot.Tests.Features.Exports;

/// <summary>
/// "发送到聊天" in a personal chat: the file consent card goes out; accepting writes the exact bytes to the OneDrive
/// upload session (a WireMock server on 127.0.0.1) and shows the file in the chat; declining and failures are told.
/// </summary>
public sealed class ExportConsentTests : IAsyncLifetime
{
    private const string ConsentMessageId = "consent-card-1";
    private const string ContentUrl = "https://contoso.sharepoint.example/personal/wusuling/Documents/Applications/statistics.xlsx";
    private ExportApp _app = null!;
    private WireMockServer _oneDrive = null!;

    public async Task InitializeAsync()
    {
        _app = await ExportApp.StartAsync();
        _oneDrive = WireMockServer.Start();
    }

    public async Task DisposeAsync()
    {
        _oneDrive.Stop();
        _oneDrive.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task SendToChat_SendsAFileConsentCard_ForThatExport()
    {
        var (record, consent) = await ExportAndAskToSendAsync();

        var content = consent["content"]!;
        Assert.Equal(record.FileName, (string?)consent["name"]);
        Assert.Equal(record.Size, (long)content["sizeInBytes"]!);
        Assert.Equal(record.Id, (string?)content["acceptContext"]!["exportId"]);
        Assert.Equal(record.Id, (string?)content["declineContext"]!["exportId"]);
        Assert.Equal("情况统计表 · 2024年职业教育活动周", (string?)content["description"]);
    }

    [Fact]
    public async Task Accept_PutsTheExactBytesToTheUploadSession_ThenShowsTheFileAndUpdatesTheConsentCard()
    {
        var (record, _) = await ExportAndAskToSendAsync();
        _oneDrive.Given(Request.Create().WithPath("/upload/session-1").UsingPut())
            .RespondWith(Response.Create().WithStatusCode(201).WithBodyAsJson(new { id = "01ABC", name = record.FileName, size = record.Size }));
        var mark = _app.Mark();

        using var response = await _app.ConsentAsync(FormsWorld.Staff, Accept(record.Id, _oneDrive.Url + "/upload/session-1"), ConsentMessageId);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await _app.IdleAsync();

        var put = Assert.Single(_oneDrive.LogEntries).RequestMessage!;
        Assert.Equal("PUT", put.Method);
        Assert.Equal($"bytes 0-{record.Size - 1}/{record.Size}", put.Headers!["Content-Range"].Single());
        Assert.False(put.Headers.ContainsKey("Authorization"));
        Assert.Equal(record.Sha256, Convert.ToHexStringLower(SHA256.HashData(put.BodyAsBytes!)));
        using var download = await _app.GetLinkAsync(ExportApp.Links(_app.Cards().First()).Single());
        Assert.Equal(await download.Content.ReadAsByteArrayAsync(), put.BodyAsBytes);

        var info = Assert.Single(_app.Posted(mark).SelectMany(a => ExportApp.Attachments(a, "application/vnd.microsoft.teams.card.file.info")));
        Assert.Equal(ContentUrl, (string?)info["contentUrl"]);
        Assert.Equal(record.FileName, (string?)info["name"]);
        Assert.Equal("1150D938-8870-4044-9F2C-5BBDEBA70C8C", (string?)info["content"]!["uniqueId"]);
        Assert.Equal("xlsx", (string?)info["content"]!["fileType"]);
        var (path, update) = Assert.Single(_app.Updated(mark));
        Assert.EndsWith("/activities/" + ConsentMessageId, path, StringComparison.Ordinal);
        Assert.Equal($"已将“{record.FileName}”发送到聊天。", (string?)update["text"]);
    }

    [Fact]
    public async Task Decline_UploadsNothing_AndSaysTheLinkStillWorks()
    {
        var (record, _) = await ExportAndAskToSendAsync();
        var mark = _app.Mark();

        using var response = await _app.ConsentAsync(FormsWorld.Staff, new JsonObject
        {
            ["type"] = "fileUpload", ["action"] = "decline", ["context"] = new JsonObject { ["exportId"] = record.Id },
        }, ConsentMessageId);
        await _app.IdleAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_oneDrive.LogEntries);
        var (_, update) = Assert.Single(_app.Updated(mark));
        Assert.Equal($"已取消发送“{record.FileName}”。卡片上的下载链接仍可使用。", (string?)update["text"]);
        Assert.Empty(_app.Posted(mark));
    }

    [Fact]
    public async Task Accept_WhenTheSessionRefuses_SaysSoAndShowsNoFile()
    {
        var (record, _) = await ExportAndAskToSendAsync();
        _oneDrive.Given(Request.Create().WithPath("/upload/session-2").UsingPut()).RespondWith(Response.Create().WithStatusCode(403));
        var mark = _app.Mark();

        using var response = await _app.ConsentAsync(FormsWorld.Staff, Accept(record.Id, _oneDrive.Url + "/upload/session-2"), ConsentMessageId);
        await _app.IdleAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_oneDrive.LogEntries);
        Assert.Empty(_app.Posted(mark).SelectMany(a => ExportApp.Attachments(a, "application/vnd.microsoft.teams.card.file.info")));
        var (_, update) = Assert.Single(_app.Updated(mark));
        Assert.Equal($"“{record.FileName}”未能发送到聊天（HTTP 403）。请使用卡片上的链接下载。", (string?)update["text"]);
    }

    [Fact]
    public async Task Accept_BySomeoneElse_UploadsNothing()
    {
        var (record, _) = await ExportAndAskToSendAsync();
        var mark = _app.Mark();

        using var response = await _app.ConsentAsync(FormsWorld.Liaison, Accept(record.Id, _oneDrive.Url + "/upload/session-3"), ConsentMessageId);
        await _app.IdleAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_oneDrive.LogEntries);
        Assert.Equal("这个文件是为其他人导出的，请自己发送“导出…”获取。", (string?)Assert.Single(_app.Updated(mark)).Activity["text"]);
    }

    [Fact]
    public async Task SendToChat_PressedByALiaison_IsRefused_AndNoConsentCardGoesOut()
    {
        var (record, _) = await ExportAndAskToSendAsync();
        var mark = _app.Mark();

        using var response = await _app.ExecuteAsync(FormsWorld.Liaison, new JsonObject { ["verb"] = "export.send", ["exportId"] = record.Id }, "card-1");

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("application/vnd.microsoft.activity.message", (string?)body["type"]);
        Assert.Contains("仅供教务处使用", (string?)body["value"]);
        Assert.Empty(_app.Posted(mark).SelectMany(a => ExportApp.Attachments(a, "application/vnd.microsoft.teams.card.file.consent")));
    }

    [Fact]
    public async Task DocumentedConsentInvoke_IsAnswered200_Not501()
    {
        var fixture = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepoPaths.TeamsFixtures, "fragment_invoke_fileConsent_accept_docs.json")))!;
        var mark = _app.Mark();

        using var response = await _app.ConsentAsync(FormsWorld.Staff, fixture["value"]!.DeepClone().AsObject(), null);
        await _app.IdleAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Its empty context names no export: nothing is uploaded anywhere, the user is told.
        Assert.Equal("这个文件已不存在，请重新导出。", _app.Texts(mark));
    }

    [Fact]
    public async Task UnreadableConsentInvoke_Is200_AndAsksToTryAgain()
    {
        var mark = _app.Mark();

        using var response = await _app.ConsentAsync(FormsWorld.Staff, new JsonObject { ["type"] = "fileUpload", ["action"] = "accept" }, null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("没有收到可用的文件确认信息，请再点一次“发送到聊天”。", _app.Texts(mark));
    }

    private static JsonObject Accept(string exportId, string uploadUrl) => new()
    {
        ["type"] = "fileUpload",
        ["action"] = "accept",
        ["context"] = new JsonObject { ["exportId"] = exportId },
        ["uploadInfo"] = new JsonObject
        {
            ["contentUrl"] = ContentUrl,
            ["name"] = "",
            ["uploadUrl"] = uploadUrl,
            ["uniqueId"] = "1150D938-8870-4044-9F2C-5BBDEBA70C8C",
            ["fileType"] = "xlsx",
            ["etag"] = "123",
        },
    };

    /// <summary>Staff export the statistics table in their personal chat and press "发送到聊天"; returns the record and the consent attachment.</summary>
    private async Task<(ExportRecord Record, JsonObject Consent)> ExportAndAskToSendAsync()
    {
        await _app.SayAsync(FormsWorld.Staff, "导出统计表");
        var card = Assert.Single(_app.Cards());
        var send = Assert.Single(ExportApp.Actions(card, "Action.Execute"));
        Assert.Equal("发送到聊天", (string?)send["title"]);
        var mark = _app.Mark();

        using var response = await _app.ExecuteAsync(FormsWorld.Staff, send["data"]!.AsObject(), "export-card-1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("application/vnd.microsoft.activity.message", (string?)body["type"]);
        var record = Assert.Single(_app.Store.ForWeek("2024-wuxi"));
        var consent = Assert.Single(_app.Posted(mark).SelectMany(a => ExportApp.Attachments(a, "application/vnd.microsoft.teams.card.file.consent")));
        return (record, consent);
    }
}
