using System.Net;

namespace VocEdWeek.Bot.Tests.Features.Dashboard.SignIn;

/// <summary>Without an Entra app for the tab the tab works as before: it says how to get a link, and no session starts.</summary>
public sealed class TabSsoOffTests : IAsyncLifetime
{
    private DashboardSite _site = null!;

    public async Task InitializeAsync() => _site = await DashboardSite.StartAsync();

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task TheTab_AsksForALink_AndLoadsNoScript()
    {
        var response = await _site.Client.GetAsync("/tab?lang=zh-CN");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("请在 Teams 中向机器人发送“看板”获取链接。", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("2024年职业教育活动周", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSession_Is404()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/tab/session");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "x.y.z");
        Assert.Equal(HttpStatusCode.NotFound, (await _site.Client.SendAsync(request)).StatusCode);
    }
}
