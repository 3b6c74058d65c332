using System.Net;
using Microsoft.Extensions.DependencyInjection;
using VocEdWeek.Bot.Features.Exports;
using VocEdWeek.Bot.Tests.Features.Forms;

namespace VocEdWeek.Bot.Tests.Features.Exports;

/// <summary>
/// Old local exports are deleted after their keep time (the record stays, marked, and its link then says "gone");
/// exports in SharePoint are never touched; temp files of an interrupted export are removed, nothing else in that folder.
/// </summary>
public sealed class ExportHousekeepingTests : IAsyncLifetime
{
    private ExportApp _app = null!;

    public async Task InitializeAsync() => _app = await ExportApp.StartAsync(new() { ["Exports:KeepLocalFor"] = "30.00:00:00" });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private ExportHousekeeping Housekeeping => _app.Services.GetRequiredService<ExportHousekeeping>();

    [Fact]
    public async Task A_local_export_is_kept_for_its_time_then_deleted_and_its_link_says_gone()
    {
        await _app.SayAsync(FormsWorld.Staff, "导出统计表");
        var record = Assert.Single(_app.Store.ForWeek("2024-wuxi"));
        var link = Assert.Single(ExportApp.Links(Assert.Single(_app.Cards())));
        var file = Path.Combine(_app.DataDirectory, "files", record.Location);
        Assert.True(File.Exists(file));
        var made = _app.Clock.GetUtcNow();

        Assert.Equal(0, Housekeeping.Prune(made.AddDays(29)));
        Assert.True(File.Exists(file));

        Assert.Equal(1, Housekeeping.Prune(made.AddDays(30).AddMinutes(1)));
        Assert.False(File.Exists(file));
        var kept = Assert.Single(_app.Store.ForWeek("2024-wuxi"));
        Assert.Equal(made.AddDays(30).AddMinutes(1).UtcDateTime, kept.LocalDeletedAt);
        Assert.Equal(record.Sha256, kept.Sha256);
        Assert.Equal(0, Housekeeping.Prune(made.AddDays(60)));

        using var response = await _app.GetLinkAsync(link);
        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Contains("请在 Teams 中重新导出", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_newer_export_survives_while_an_older_one_goes()
    {
        await _app.SayAsync(FormsWorld.Staff, "导出统计表");
        _app.Clock.Advance(TimeSpan.FromDays(10));
        await _app.SayAsync(FormsWorld.Staff, "导出日报登记表");
        var records = _app.Store.ForWeek("2024-wuxi");
        Assert.Equal(2, records.Count);

        Assert.Equal(1, Housekeeping.Prune(_app.Clock.GetUtcNow().AddDays(25)));

        var after = _app.Store.ForWeek("2024-wuxi");
        Assert.NotNull(after.Single(r => r.Kind == ExportKind.Statistics).LocalDeletedAt);
        Assert.Null(after.Single(r => r.Kind == ExportKind.ReportRegister).LocalDeletedAt);
        Assert.True(File.Exists(Path.Combine(_app.DataDirectory, "files", after.Single(r => r.Kind == ExportKind.ReportRegister).Location)));
    }

    [Fact]
    public void Exports_kept_in_SharePoint_are_never_deleted_by_the_bot()
    {
        _app.Store.Add(new ExportRecord
        {
            Kind = ExportKind.Statistics, WeekId = "2024-wuxi", WeekTitle = "2024年职业教育活动周", FileName = "统计表.xlsx",
            Storage = ExportStorage.SharePoint, Location = "01SPITEM", WebUrl = "https://contoso.sharepoint.com/x",
            CreatedAt = _app.Clock.GetUtcNow().AddDays(-400).UtcDateTime,
        });

        Assert.Equal(0, Housekeeping.Prune(_app.Clock.GetUtcNow()));
        Assert.Null(Assert.Single(_app.Store.ForWeek("2024-wuxi")).LocalDeletedAt);
    }

    [Fact]
    public async Task Temp_files_of_an_interrupted_export_are_swept_and_nothing_else()
    {
        var tmp = Path.Combine(_app.DataDirectory, "tmp");
        Directory.CreateDirectory(tmp);
        var left = Path.Combine(tmp, "export-0123456789abcdef.xlsx");
        var other = Path.Combine(tmp, "notes.txt");
        await File.WriteAllTextAsync(left, "half an export");
        await File.WriteAllTextAsync(other, "not ours");

        Assert.Equal(1, Housekeeping.SweepTemp());
        Assert.False(File.Exists(left));
        Assert.True(File.Exists(other));
    }

    [Fact]
    public void Zero_keeps_local_exports_forever()
    {
        var options = new ExportOptions { KeepLocalFor = TimeSpan.Zero };
        var housekeeping = ActivatorUtilities.CreateInstance<ExportHousekeeping>(_app.Services, options);
        _app.Store.Add(new ExportRecord { Kind = ExportKind.MediaIndex, WeekId = "2024-wuxi", Location = "x/y.xlsx", CreatedAt = DateTime.UnixEpoch });

        Assert.Equal(0, housekeeping.Prune(_app.Clock.GetUtcNow()));
    }
}
