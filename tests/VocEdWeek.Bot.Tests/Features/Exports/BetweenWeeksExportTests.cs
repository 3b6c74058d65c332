using System.Net;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Tests.Features.Forms;

namespace VocEdWeek.Bot.Tests.Features.Exports;

/// <summary>
/// Between two weeks (no active week configured, last year's kept as a past week) the office still exports it:
/// staff are recognised by that week's roster, liaisons are still refused.
/// </summary>
public sealed class BetweenWeeksExportTests : IAsyncLifetime
{
    private ExportApp _app = null!;

    public async Task InitializeAsync() => _app = await ExportApp.StartAsync(new()
    {
        ["Week:DefinitionFile"] = "",
        ["Week:ArchiveFiles:0"] = Path.Combine(RepoPaths.Samples, "2024-wuxi.json"),
    });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Staff_ExportTheLatestPastWeek_WhenNoWeekIsActive()
    {
        await _app.SayAsync(FormsWorld.Staff, "导出统计表");

        var card = Assert.Single(_app.Cards());
        Assert.Contains("2024年职业教育活动周", ExportDeliveryTests.CardText(card));
        Assert.Single(_app.Store.ForWeek("2024-wuxi"));
        using var response = await _app.GetLinkAsync(Assert.Single(ExportApp.Links(card)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Liaison_IsStillRefused_WhenNoWeekIsActive()
    {
        await _app.SayAsync(FormsWorld.Liaison, "导出 2024 统计表");

        Assert.Empty(_app.Cards());
        Assert.Contains("仅供教务处使用", _app.Texts(), StringComparison.Ordinal);
        Assert.Empty(_app.Store.ForWeek("2024-wuxi"));
    }
}
