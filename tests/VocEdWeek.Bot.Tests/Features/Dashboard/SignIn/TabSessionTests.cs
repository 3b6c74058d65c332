using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using VocEdWeek.Bot.Features.Dashboard.SignIn;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Weeks;
using VocEdWeek.Bot.Weeks.Settings;
using VocEdWeek.Bot.Weeks.Settings.Changes;
using VocEdWeek.Bot.Tests.Fakes;
using static VocEdWeek.Bot.Tests.Features.Forms.FormsWorld;

namespace VocEdWeek.Bot.Tests.Features.Dashboard.SignIn;

/// <summary>
/// The signed-in tab through the real bot over HTTP (the Wuxi week, 14 May 2024) with Teams SSO pointed at a fake Entra
/// tenant over HTTPS: POST /tab/session with the token Teams would hand the tab, then the page it sends the user to.
/// Staff get the whole dashboard, a liaison their own department and its files only, anyone else and any bad token
/// nothing of the week.
/// </summary>
public sealed class TabSessionTests : IAsyncLifetime
{
    private const string WeekTitle = "2024年职业教育活动周";
    private const string AdminOid = "ad000000-0000-4000-8000-0000000000a9";
    private FakeEntra _entra = null!;
    private DashboardSite _site = null!;
    private MediaRecord _ownPhoto = null!;
    private MediaRecord _otherPhoto = null!;

    public async Task InitializeAsync()
    {
        _entra = await FakeEntra.StartAsync(EntraWorld.TenantId);
        _site = await DashboardSite.StartAsync(new Dictionary<string, string?>
        {
            ["TabSso:ClientId"] = EntraWorld.ClientId,
            ["TabSso:TenantId"] = EntraWorld.TenantId,
            ["TabSso:OpenIdMetadataUrl"] = _entra.MetadataUrl,
            ["Office:Admins:0"] = AdminOid,
        }, s => s.AddHttpClient(TabSignInExtensions.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => _entra.CreateTrustingHandler()));
        _site.Submit("jd", "plan", Beijing(2024, 5, 11, 16, 0));
        _site.Submit("xx", "report:2024-05-14", Beijing(2024, 5, 14, 9, 40));
        _ownPhoto = await _site.StorePhotoAsync("2024-wuxi", "jd", "report:2024-05-14", "开幕式.png", DashboardSite.Png);
        _otherPhoto = await _site.StorePhotoAsync("2024-wuxi", "xx", "report:2024-05-14", "机房.png", DashboardSite.Png);
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        await _entra.DisposeAsync();
    }

    private async Task<(HttpStatusCode Status, JsonObject Body)> SignInAsync(string token, string lang = "zh-CN")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/tab/session?lang=" + lang);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _site.Client.SendAsync(request);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        return (response.StatusCode, (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    private async Task<string> OpenAsync(JsonObject answer)
    {
        var url = (string)answer["url"]!;
        Assert.StartsWith("/dashboard?t=", url, StringComparison.Ordinal);
        var response = await _site.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private string Token(string oid, string? name, Action<BotTokenSpec>? change = null) => _entra.CreateUserToken(EntraWorld.ClientId, oid, name, change);

    [Fact]
    public async Task AnAdmin_GetsTheRosterWithTheSettingsLog_AndGoesOnToTheDashboard()
    {
        var editor = _site.Get<WeekEditor>();
        Assert.True(editor.Apply("2024-wuxi", new ReplaceLiaison("jd", "zhangwei@college.example.edu.cn", new Person { Name = "欧阳明", Email = "ouyangming@college.example.edu.cn" }), new Actor("王强", AdminOid)).Applied);

        var (status, answer) = await SignInAsync(Token(AdminOid, "wangqiang@college.example.edu.cn"));

        Assert.Equal(("roster", HttpStatusCode.OK), ((string?)answer["view"], status));
        var html = await OpenAsync(answer);
        Assert.Contains("data-view=\"roster\"", html, StringComparison.Ordinal);
        foreach (var department in DashboardSite.WuxiDepartments) Assert.Contains(department, html, StringComparison.Ordinal);
        Assert.Contains("欧阳明 · ouyangming@college.example.edu.cn", html, StringComparison.Ordinal);
        Assert.Contains("更换联络员", html, StringComparison.Ordinal); // the settings log, with the change just made
        Assert.Contains("<td>王强</td><td>更换联络员</td><td>机电工程学院</td><td>张伟（zhangwei@college.example.edu.cn） → 欧阳明（ouyangming@college.example.edu.cn）</td>", html, StringComparison.Ordinal);
        var dashboard = System.Text.RegularExpressions.Regex.Match(html, "id=\"to-dashboard\" href=\"([^\"]+)\"").Groups[1].Value.Replace("&amp;", "&", StringComparison.Ordinal);
        var page = await _site.Client.GetAsync(dashboard);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("data-media=", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnObserverAddedInTheChat_GetsTheDashboardAtOnce()
    {
        const string oid = "0b5e7e00-0000-4000-8000-0000000000c1";
        Assert.Equal(HttpStatusCode.Forbidden, (await SignInAsync(Token(oid, "chen@college.example.edu.cn"))).Status);
        _site.Get<WeekEditor>().Apply("2024-wuxi", new AddOfficeMember(Role.Observer, new Person { Name = "陈校长", Email = "chen@college.example.edu.cn", AadObjectId = oid }), new Actor("王强", AdminOid));

        var (status, answer) = await SignInAsync(Token(oid, "chen@college.example.edu.cn"));

        Assert.Equal(("dashboard", HttpStatusCode.OK), ((string?)answer["view"], status));
        Assert.Contains(WeekTitle, await OpenAsync(answer), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReplacedLiaison_LosesTheirPageAndPhotosAtOnce_NotWhenTheLinkExpires()
    {
        var (_, answer) = await SignInAsync(Token(Liaison.AadObjectId, "zhangwei@college.example.edu.cn"));
        var page = (string)answer["url"]!;
        var token = System.Web.HttpUtility.ParseQueryString(page.Split('?')[1])["t"]!;
        Assert.Equal(HttpStatusCode.OK, (await _site.Client.GetAsync(page)).StatusCode);

        _site.Get<WeekEditor>().Apply("2024-wuxi", new ReplaceLiaison("jd", Liaison.AadObjectId, new Person { Name = "欧阳明", Email = "ouyangming@college.example.edu.cn" }), new Actor("王强", AdminOid));

        var refused = await _site.Client.GetAsync(page);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("查看权限已变更", html, StringComparison.Ordinal);
        Assert.DoesNotContain("机电工程学院", html, StringComparison.Ordinal);
        var photo = await _site.Client.GetAsync($"/dashboard/media/{_ownPhoto.Id}?t={Uri.EscapeDataString(token)}");
        Assert.Equal(HttpStatusCode.Forbidden, photo.StatusCode);
    }

    [Fact]
    public async Task Staff_AreSentToTheWholeDashboard()
    {
        var (status, answer) = await SignInAsync(Token(Staff.AadObjectId, "wusuling@college.example.edu.cn"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("dashboard", (string?)answer["view"]);
        var html = await OpenAsync(answer);
        Assert.Contains(WeekTitle, html, StringComparison.Ordinal);
        foreach (var department in DashboardSite.WuxiDepartments) Assert.Contains(department, html, StringComparison.Ordinal);
        Assert.Contains($"data-media=\"{_otherPhoto.Id}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALiaison_SeesOnlyTheirDepartment_AndOnlyItsFilesOpen()
    {
        var (status, answer) = await SignInAsync(Token(Liaison.AadObjectId, "zhangwei@college.example.edu.cn"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("department", (string?)answer["view"]);
        var html = await OpenAsync(answer);
        Assert.Contains("机电工程学院", html, StringComparison.Ordinal);
        foreach (var other in DashboardSite.WuxiDepartments.Where(d => d != "机电工程学院")) Assert.DoesNotContain(other, html, StringComparison.Ordinal);
        Assert.Contains($"data-media=\"{_ownPhoto.Id}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(_otherPhoto.Id, html, StringComparison.Ordinal);
        Assert.Contains("data-item=\"plan\" data-status=\"on\"", html, StringComparison.Ordinal);

        // The same link opens the department's own photo, and no other department's, even by a guessed id.
        var token = Uri.EscapeDataString(HttpUtility(answer));
        Assert.Equal(HttpStatusCode.OK, (await _site.Client.GetAsync($"/dashboard/media/{_ownPhoto.Id}?t={token}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _site.Client.GetAsync($"/dashboard/media/{_otherPhoto.Id}?t={token}")).StatusCode);
    }

    [Fact]
    public async Task ALiaisonWithoutAnObjectIdInTheWeekFile_IsFoundByTheirSignInName()
    {
        var (status, answer) = await SignInAsync(Token("7a7a7a7a-0000-4000-8000-000000000003", "WangQiang@college.example.edu.cn"));

        Assert.Equal(HttpStatusCode.OK, status);
        var html = await OpenAsync(answer);
        Assert.Contains("经济管理学院", html, StringComparison.Ordinal);
        Assert.DoesNotContain("机电工程学院", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SomeoneNotOnTheRoster_IsToldSo_AndSeesNothingOfTheWeek()
    {
        var (status, answer) = await SignInAsync(Token(Stranger.AadObjectId, "luren@college.example.edu.cn"), "en-US");

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Null(answer["url"]);
        Assert.Contains("not on this week's office or liaison list", (string)answer["message"]!, StringComparison.Ordinal);
        AssertNothingOfTheWeek(answer.ToJsonString());
    }

    public static TheoryData<string, Action<BotTokenSpec>> BadTokens => new()
    {
        { "wrong audience", t => t.Audience = "api://elsewhere.example.org/" + EntraWorld.ClientId },
        { "wrong issuer", t => t.Issuer = "https://login.microsoftonline.com/common/v2.0" },
        { "expired", t => { t.NotBefore = t.IssuedAt = DateTime.UtcNow.AddHours(-3); t.Expires = DateTime.UtcNow.AddHours(-2); } },
        { "signed by another key", t => t.Key = TestSigningKey.Create("entra-key-1") },
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task ABadToken_Is401_WithOneSentence_AndNothingOfTheWeek(string why, Action<BotTokenSpec> change)
    {
        var (status, answer) = await SignInAsync(Token(Staff.AadObjectId, "wusuling@college.example.edu.cn", change));

        Assert.True(status == HttpStatusCode.Unauthorized, why);
        Assert.Equal("无法通过 Teams 确认您的身份。请在 Teams 中向机器人发送“看板”获取链接。", (string?)answer["message"]);
        AssertNothingOfTheWeek(answer.ToJsonString());
    }

    [Fact]
    public async Task NoTokenOrAnotherScheme_Is401()
    {
        using var response = await _site.Client.PostAsync("/tab/session", null);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var basic = new HttpRequestMessage(HttpMethod.Post, "/tab/session");
        basic.Headers.Authorization = new AuthenticationHeaderValue("Basic", Token(Staff.AadObjectId, null));
        Assert.Equal(HttpStatusCode.Unauthorized, (await _site.Client.SendAsync(basic)).StatusCode);
    }

    [Fact]
    public async Task TheTabPage_LoadsTeamsJsFromTheBot_UnderAStrictCsp_FramedOnlyByTeamsHosts()
    {
        var response = await _site.Client.GetAsync("/tab?lang=zh-CN");
        var html = await response.Content.ReadAsStringAsync();

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.StartsWith("default-src 'none'; script-src 'nonce-", csp, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self' https://res.cdn.office.net;", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.cloud.microsoft", csp, StringComparison.Ordinal);
        Assert.Contains("https://teams.microsoftonline.cn", csp, StringComparison.Ordinal);
        var src = System.Text.RegularExpressions.Regex.Match(html, "<script nonce=\"[^\"]+\" src=\"([^\"]+)\"").Groups[1].Value;
        Assert.StartsWith("/tab/teams-js/MicrosoftTeams.min.js?v=", src, StringComparison.Ordinal);
        AssertNothingOfTheWeek(html);

        var script = await _site.Client.GetAsync(src);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        var committed = await File.ReadAllBytesAsync(Path.Combine(RepoPaths.Root, "bot", "Features", "Dashboard", "SignIn", "TeamsJs", "MicrosoftTeams.min.js"));
        Assert.Equal(committed, await script.Content.ReadAsByteArrayAsync());
    }

    private static void AssertNothingOfTheWeek(string text)
    {
        Assert.DoesNotContain(WeekTitle, text, StringComparison.Ordinal);
        foreach (var department in DashboardSite.WuxiDepartments) Assert.DoesNotContain(department, text, StringComparison.Ordinal);
    }

    private static string HttpUtility(JsonObject answer) =>
        Uri.UnescapeDataString(((string)answer["url"]!)["/dashboard?t=".Length..]);
}
