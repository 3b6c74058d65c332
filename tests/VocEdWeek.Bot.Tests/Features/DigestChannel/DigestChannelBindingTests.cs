using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VocEdWeek.Bot.Features.DigestChannel;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Tests.Features.Exports;
using VocEdWeek.Bot.Tests.Features.Forms;

namespace VocEdWeek.Bot.Tests.Features.DigestChannel;

/// <summary>
/// Issue 15, hole 1: "@bot 设为通知频道" in a team channel, through the real bot over HTTP (2024 Wuxi week, Tuesday 14 May
/// 10:00). Only office staff bind the channel; the binding is shown, logged and can be moved back.
/// </summary>
public sealed class DigestChannelBindingTests : IAsyncLifetime
{
    private const string Channel = "19:office@thread.tacv2";
    private const string Earlier = "19:earlier@thread.tacv2";
    private readonly CapturingLoggerProvider _logs = new();
    private ExportApp _app = null!;

    public async Task InitializeAsync() =>
        _app = await ExportApp.StartAsync(services: s => s.AddSingleton<ILoggerProvider>(_logs));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private ISettingsStore Settings => _app.Services.GetRequiredService<ISettingsStore>();

    private async Task<string> SayAsync(TestUser user, string text, bool channel = true)
    {
        var mark = _app.Mark();
        await _app.SayAsync(user, text, channel);
        return _app.Texts(mark);
    }

    [Theory]
    [InlineData("liaison")]
    [InlineData("stranger")]
    public async Task NotStaff_CannotTakeTheDigestChannel(string who)
    {
        var user = who == "liaison" ? FormsWorld.Liaison : FormsWorld.Stranger;

        var answer = await SayAsync(user, "设为通知频道");

        Assert.Contains("仅供教务处使用", answer);
        Assert.Null(Settings.Get(DigestChannelHandler.SettingKey));
        Assert.Null(_app.Services.GetRequiredService<DigestChannelLocator>().Find());
    }

    [Fact]
    public async Task Staff_BindsTheChannel_SeesWhoAndWhen_AndTheChangeIsLogged()
    {
        Settings.Set(DigestChannelHandler.SettingKey, Earlier, "someone", FormsWorld.Beijing(2024, 5, 10, 9, 0));

        var answer = await SayAsync(FormsWorld.Staff, "设为通知频道");

        Assert.Contains("已将本频道设为通知频道", answer);
        Assert.Contains("恢复通知频道", answer);
        Assert.Equal(Channel, Settings.Get(DigestChannelHandler.SettingKey));
        var status = await SayAsync(FormsWorld.Staff, "通知频道", channel: false);
        Assert.Contains(Channel, status);
        Assert.Contains("吴苏玲", status);
        Assert.Contains("5月14日 10:00", status);
        var line = Assert.Single(_logs.Entries, e => e.Category.EndsWith(nameof(DigestChannelHandler), StringComparison.Ordinal) && e.Level == LogLevel.Information);
        Assert.Contains(Earlier, line.Message);
        Assert.Contains(Channel, line.Message);
        Assert.Contains(FormsWorld.Staff.AadObjectId, line.Message);
    }

    [Fact]
    public async Task Staff_RestoresThePreviousChannel()
    {
        Settings.Set(DigestChannelHandler.SettingKey, Earlier, "someone", FormsWorld.Beijing(2024, 5, 10, 9, 0));
        await SayAsync(FormsWorld.Staff, "设为通知频道");

        var refused = await SayAsync(FormsWorld.Liaison, "恢复通知频道", channel: false);
        Assert.Contains("仅供教务处使用", refused);
        Assert.Equal(Channel, Settings.Get(DigestChannelHandler.SettingKey));

        var answer = await SayAsync(FormsWorld.Staff, "恢复通知频道", channel: false);

        Assert.Contains(Earlier, answer);
        Assert.Equal(Earlier, Settings.Get(DigestChannelHandler.SettingKey));
    }

    [Fact]
    public async Task Restore_AfterTheFirstBinding_FallsBackToTheConfiguredChannel()
    {
        await SayAsync(FormsWorld.Staff, "设为通知频道");

        var answer = await SayAsync(FormsWorld.Staff, "恢复通知频道", channel: false);

        Assert.Contains("Office:DigestChannelId", answer);
        Assert.Null(Settings.Get(DigestChannelHandler.SettingKey));
    }

    [Fact]
    public async Task Status_WithNothingBound_SaysSo()
    {
        var answer = await SayAsync(FormsWorld.Staff, "digest channel", channel: false);

        Assert.Contains("Office:DigestChannelId", answer);
    }

    [Fact]
    public async Task BetweenWeeks_TheOfficeSeesTheChannel_ButCannotMoveIt()
    {
        await using var between = await ExportApp.StartAsync(new()
        {
            ["Week:DefinitionFile"] = "",
            ["Week:ArchiveFiles:0"] = Path.Combine(RepoPaths.Samples, "2024-wuxi.json"),
        });
        var mark = between.Mark();

        await between.SayAsync(FormsWorld.Staff, "设为通知频道", channel: true);

        Assert.Contains("没有进行中的职业教育活动周", between.Texts(mark));
        Assert.Null(between.Services.GetRequiredService<ISettingsStore>().Get(DigestChannelHandler.SettingKey));
        mark = between.Mark();
        await between.SayAsync(FormsWorld.Staff, "通知频道");
        Assert.Contains("Office:DigestChannelId", between.Texts(mark));
    }
}
