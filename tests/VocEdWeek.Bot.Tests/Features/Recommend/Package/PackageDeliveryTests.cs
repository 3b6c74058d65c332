using System.Net;
using System.Security.Cryptography;
using VocEdWeek.Bot.Features.Exports;
using VocEdWeek.Bot.Tests.Features.Exports;
using VocEdWeek.Bot.Tests.Features.Forms;

namespace VocEdWeek.Bot.Tests.Features.Recommend.Package;

/// <summary>"导出推荐材料" through the real bot over HTTP: office staff only, nothing picked is said, the three files kept together.</summary>
public sealed class PackageDeliveryTests : IAsyncLifetime
{
    private ExportApp _app = null!;

    public async Task InitializeAsync() => _app = await ExportApp.StartAsync(PackageScenario.Settings);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_liaison_is_refused_and_nothing_is_built()
    {
        await PackageScenario.SeedAsync(new PackageData(_app.Services));
        await _app.SayAsync(FormsWorld.Liaison, "导出推荐材料");

        Assert.Empty(_app.Cards());
        Assert.Contains("仅供教务处使用", _app.Texts());
        Assert.Empty(_app.Store.ForWeek("2024-wuxi"));
    }

    [Fact]
    public async Task With_nothing_picked_staff_are_told_to_pick_first()
    {
        await _app.SayAsync(FormsWorld.Staff, "导出推荐材料");

        Assert.Empty(_app.Cards());
        Assert.Contains("请先发送“择优推荐”", _app.Texts());
        Assert.Empty(_app.Store.ForWeek("2024-wuxi"));
    }

    [Fact]
    public async Task Staff_get_one_card_with_the_three_files_kept_in_the_package_folder()
    {
        await PackageScenario.SeedAsync(new PackageData(_app.Services));
        await _app.SayAsync(FormsWorld.Staff, "export recommendations", locale: "en-US");

        var card = Assert.Single(_app.Cards());
        var records = _app.Store.ForWeek("2024-wuxi").OrderBy(r => r.Kind).ToList();
        Assert.Equal(ExportKinds.Recommendation, records.Select(r => r.Kind));
        Assert.Equal(["Recommended materials.docx", "Recommended media list.xlsx", "Recommended media.zip"], records.Select(r => r.FileName));
        var links = ExportApp.Links(card);
        Assert.Equal(3, links.Count);
        foreach (var (record, link) in records.Zip(links))
        {
            var stored = Path.Combine(_app.DataDirectory, "files", record.Location);
            Assert.Equal(Path.Combine(_app.DataDirectory, "files", "2024年职业教育活动周", "导出", "推荐材料", record.FileName), stored);
            using var response = await _app.GetLinkAsync(link);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal(record.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        }
        Assert.Equal("application/zip", ExportFormat.ContentType(records[2].FileName));
    }
}
