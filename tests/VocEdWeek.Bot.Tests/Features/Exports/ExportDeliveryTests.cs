using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using VocEdWeek.Bot.Features.Exports;
using VocEdWeek.Bot.Links;
using VocEdWeek.Bot.Tests.Features.Forms;

namespace VocEdWeek.Bot.Tests.Features.Exports;

/// <summary>
/// Exports end to end through the real app over HTTP: who may export, the card and its links, the signed download
/// (same bytes as written, attachment with the Chinese file name, expiry and tampering), past weeks and "导出全部".
/// Assertions are about delivery, never about what a writer puts in a file.
/// </summary>
public sealed class ExportDeliveryTests : IAsyncLifetime
{
    private ExportApp _app = null!;

    public async Task InitializeAsync() => _app = await ExportApp.StartAsync(withPastWeek: true);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Staff_ExportsStatistics_GetsACardWhoseLinkDownloadsTheStoredFile()
    {
        await _app.SayAsync(FormsWorld.Staff, "导出统计表");

        var card = Assert.Single(_app.Cards());
        var record = Assert.Single(_app.Store.ForWeek("2024-wuxi"));
        Assert.Equal(ExportKind.Statistics, record.Kind);
        Assert.Equal(ExportStorage.Local, record.Storage);
        Assert.Equal("吴苏玲", record.RequestedByName);
        Assert.Equal(FormsWorld.Staff.Id, record.RequestedByTeamsId);
        Assert.Equal(FormsWorld.Beijing(2024, 5, 14, 10, 0).UtcDateTime, record.CreatedAt);
        var text = CardText(card);
        Assert.Contains("情况统计表", text);
        Assert.Contains("2024年职业教育活动周", text);
        Assert.Contains("2024年5月14日 10:00（北京时间）", text);
        Assert.Contains(record.FileName, text);
        Assert.Contains(ExportFormat.Size(record.Size), text);
        Assert.Contains("7 天", text);

        var link = Assert.Single(ExportApp.Links(card));
        Assert.StartsWith("http://localhost:3978/download/", link, StringComparison.Ordinal);
        using var response = await _app.GetLinkAsync(link);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(record.Size, bytes.Length);
        Assert.Equal(record.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.Equal((byte)'P', bytes[0]);
        Assert.Equal((byte)'K', bytes[1]);
        Assert.Equal(ExportFormat.ContentType(record.FileName), response.Content.Headers.ContentType!.ToString());
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal(record.FileName, disposition.FileNameStar);
        Assert.Contains("filename*=UTF-8''" + Uri.EscapeDataString(record.FileName), response.Content.Headers.GetValues("Content-Disposition").Single(), StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl!.NoStore);

        // The same bytes are kept in the local store under [week title, 导出].
        var stored = Path.Combine(_app.DataDirectory, "files", record.Location);
        Assert.Equal(Path.Combine(_app.DataDirectory, "files", "2024年职业教育活动周", "导出", Path.GetFileName(stored)), stored);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(stored));
        Assert.Empty(Directory.GetFiles(Path.Combine(_app.DataDirectory, "tmp")));
    }

    [Fact]
    public async Task Liaison_IsRefused_AndNothingIsBuilt()
    {
        await _app.SayAsync(FormsWorld.Liaison, "导出统计表");

        Assert.Empty(_app.Cards());
        Assert.Equal("此功能仅供教务处使用。如需查看本部门的报送情况，请发送“我的提交”。", _app.Texts());
        Assert.Empty(_app.Store.ForWeek("2024-wuxi"));
    }

    [Fact]
    public async Task Liaison_AskingForTheSummaryExport_IsRefused_NotGivenTheSummaryForm()
    {
        await _app.SayAsync(FormsWorld.Liaison, "导出总结");

        Assert.Empty(_app.Cards());
        Assert.Contains("仅供教务处使用", _app.Texts());
    }

    [Fact]
    public async Task Stranger_IsToldWhoToContact()
    {
        await _app.SayAsync(FormsWorld.Stranger, "export all", locale: "en-US");

        Assert.Empty(_app.Cards());
        Assert.Equal("This is for 教务处 only. If you need it, please contact 教务处 (吴苏玲).", _app.Texts());
        Assert.Empty(_app.Store.ForWeek("2024-wuxi"));
    }

    [Fact]
    public async Task Staff_ExportSummary_IsTheCompilation_NotTheSummaryForm()
    {
        await _app.SayAsync(FormsWorld.Staff, "导出总结");

        var card = Assert.Single(_app.Cards());
        Assert.Equal(ExportKind.SummaryCompilation, Assert.Single(_app.Store.ForWeek("2024-wuxi")).Kind);
        Assert.Contains("活动周总结汇编", CardText(card));
    }

    [Fact]
    public async Task ExportAll_GivesOneCardWithFiveWorkingLinks()
    {
        await _app.SayAsync(FormsWorld.Staff, "导出全部");

        var card = Assert.Single(_app.Cards());
        var links = ExportApp.Links(card);
        Assert.Equal(5, links.Count);
        var records = _app.Store.ForWeek("2024-wuxi");
        Assert.Equal(ExportKinds.All.Order(), records.Select(r => r.Kind).Order());
        Assert.Equal(5, ExportApp.Actions(card, "Action.Execute").Count(a => (string?)a["verb"] == "export.send"));
        foreach (var link in links)
        {
            using var response = await _app.GetLinkAsync(link);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            var record = Assert.Single(records, r => r.FileName == response.Content.Headers.ContentDisposition!.FileNameStar);
            Assert.Equal(record.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        }
    }

    [Fact]
    public async Task PastWeek_ByYear_ExportsThatWeek()
    {
        await _app.SayAsync(FormsWorld.Staff, "导出 2020 统计表");

        var card = Assert.Single(_app.Cards());
        Assert.Contains("2020年山东省职业教育活动周", CardText(card));
        var record = Assert.Single(_app.Store.ForWeek("2020-shandong"));
        Assert.Equal("2020年山东省职业教育活动周", record.WeekTitle);
        Assert.Empty(_app.Store.ForWeek("2024-wuxi"));
        using var response = await _app.GetLinkAsync(Assert.Single(ExportApp.Links(card)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(File.Exists(Path.Combine(_app.DataDirectory, "files", "2020年山东省职业教育活动周", "导出", Path.GetFileName(record.Location))));
    }

    [Fact]
    public async Task PastWeek_ByIdInEnglish_ExportsThatWeek()
    {
        await _app.SayAsync(FormsWorld.Staff, "export stats 2020-shandong", locale: "en-US");

        Assert.Single(_app.Cards());
        Assert.Equal(ExportKind.Statistics, Assert.Single(_app.Store.ForWeek("2020-shandong")).Kind);
    }

    [Fact]
    public async Task UnknownYear_ListsTheWeeksThatCanBeExported()
    {
        await _app.SayAsync(FormsWorld.Staff, "导出 2019 统计表");

        Assert.Empty(_app.Cards());
        Assert.Equal("没有找到“2019”的活动周。可以导出的活动周：2024年职业教育活动周、2020年山东省职业教育活动周。", _app.Texts());
    }

    [Fact]
    public async Task UnknownExport_AnswersWithWhatCanBeExported()
    {
        await _app.SayAsync(FormsWorld.Staff, "导出课程表");

        Assert.Empty(_app.Cards());
        var text = _app.Texts();
        Assert.StartsWith("没有“课程”这一项导出。", text, StringComparison.Ordinal);
        foreach (var command in new[] { "导出统计表", "导出信息采集表", "导出日报登记表", "导出素材清单", "导出总结汇编", "导出全部" }) Assert.Contains(command, text);
        Assert.Empty(_app.Store.ForWeek("2024-wuxi"));
    }

    [Fact]
    public async Task InAChannel_TheCardHasLinksButNoSendToChatButton()
    {
        await _app.SayAsync(FormsWorld.Staff, "导出统计表", channel: true);

        var card = Assert.Single(_app.Cards());
        Assert.Single(ExportApp.Links(card));
        Assert.Empty(ExportApp.Actions(card, "Action.Execute"));
    }

    [Fact]
    public async Task English_Card_IsInEnglish()
    {
        await _app.SayAsync(FormsWorld.Staff, "Export Statistics", locale: "en-US");

        var text = CardText(Assert.Single(_app.Cards()));
        Assert.Contains("Statistics table", text);
        Assert.Contains("Download", text);
        Assert.Contains("Send to chat", text);
        Assert.Contains("May 14, 2024 10:00 (Beijing time)", text);
    }

    [Fact]
    public async Task DownloadLink_AfterItsLifetime_Is410()
    {
        await _app.SayAsync(FormsWorld.Staff, "导出统计表");
        var link = Assert.Single(ExportApp.Links(Assert.Single(_app.Cards())));

        _app.Clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        using (var stillValid = await _app.GetLinkAsync(link)) Assert.Equal(HttpStatusCode.OK, stillValid.StatusCode);
        _app.Clock.Advance(TimeSpan.FromMinutes(2));
        using var expired = await _app.GetLinkAsync(link);

        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Equal("text/html", expired.Content.Headers.ContentType!.MediaType);
        var page = await expired.Content.ReadAsStringAsync();
        Assert.Contains("下载链接已过期", page);
        Assert.Contains("This download link has expired", page);
        Assert.True(expired.Headers.CacheControl!.NoStore);
    }

    [Fact]
    public async Task DownloadLink_Tampered_OrForAnotherPurpose_OrUnknownFile_Is404()
    {
        await _app.SayAsync(FormsWorld.Staff, "导出统计表");
        var link = Assert.Single(ExportApp.Links(Assert.Single(_app.Cards())));
        var token = link[(link.LastIndexOf('/') + 1)..];
        var signer = _app.Services.GetRequiredService<LinkSigner>();
        var record = Assert.Single(_app.Store.ForWeek("2024-wuxi"));

        var flipped = token[..^2] + (token[^2] == 'A' ? 'B' : 'A') + token[^1];
        var otherPurpose = signer.Create("dashboard", new Dictionary<string, string> { ["export"] = record.Id }, TimeSpan.FromDays(1));
        var unknownFile = signer.Create("download", new Dictionary<string, string> { ["export"] = "000000000000000000000000" }, TimeSpan.FromDays(1));
        foreach (var bad in new[] { flipped, otherPurpose, unknownFile, "not-a-token" })
        {
            using var response = await _app.Client.GetAsync("/download/" + bad);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("链接无效", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task DownloadLink_WhenTheFileWasCleanedUp_Is410()
    {
        await _app.SayAsync(FormsWorld.Staff, "导出统计表");
        var link = Assert.Single(ExportApp.Links(Assert.Single(_app.Cards())));
        File.Delete(Path.Combine(_app.DataDirectory, "files", Assert.Single(_app.Store.ForWeek("2024-wuxi")).Location));

        using var response = await _app.GetLinkAsync(link);

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Contains("文件已不存在", await response.Content.ReadAsStringAsync());
    }

    internal static string CardText(JsonObject card) => card.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
