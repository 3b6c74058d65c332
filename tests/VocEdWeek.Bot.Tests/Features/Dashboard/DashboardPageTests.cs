using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Tests.Features.Forms;
using static VocEdWeek.Bot.Tests.Features.Forms.FormsWorld;

namespace VocEdWeek.Bot.Tests.Features.Dashboard;

/// <summary>
/// The dashboard page over real HTTP, Tuesday 14 May 2024 10:00 in the Wuxi week. Submissions: every plan but 设计艺术学院's
/// (信息 on time, 经管 late on the 12th); 12 May all but 设计; 13 May 机电 on time, 信息 迟交 12:31, 经管 补交 on the 14th, 建筑 免报;
/// 14 May 机电 and 信息 (before noon: the others are not yet overdue). Two photos of the week, one of 2020.
/// </summary>
public sealed partial class DashboardPageTests : IAsyncLifetime
{
    private DashboardSite _site = null!;
    private MediaRecord _photo = null!;
    private MediaRecord _older = null!;
    private MediaRecord _otherWeek = null!;
    private MediaRecord _video = null!;

    public async Task InitializeAsync()
    {
        _site = await DashboardSite.StartAsync();
        foreach (var d in new[] { "jd", "xx", "jz" }) _site.Submit(d, "plan", Beijing(2024, 5, 11, 16, 0));
        _site.Submit("jg", "plan", Beijing(2024, 5, 12, 14, 5));
        foreach (var d in new[] { "jd", "xx", "jg", "jz" }) _site.Submit(d, "report:2024-05-12", Beijing(2024, 5, 12, 10, 30), typicalCase: "开放日");
        _site.Submit("jd", "report:2024-05-13", Beijing(2024, 5, 13, 11, 59), typicalCase: "校企签约", story: "校友返校");
        _site.Submit("xx", "report:2024-05-13", Beijing(2024, 5, 13, 12, 31));
        _site.Submit("jg", "report:2024-05-13", Beijing(2024, 5, 14, 9, 10));
        _site.Get<VocEdWeek.Bot.Submissions.ISubmissionStore>().Exempt(new VocEdWeek.Bot.Submissions.Exemption { WeekId = "2024-wuxi", DepartmentId = "jz", ItemKey = "report:2024-05-13", SetBy = "吴苏玲", Reason = "外出参赛" });
        _site.Submit("jd", "report:2024-05-14", Beijing(2024, 5, 14, 9, 12), story: "技能大师进校园");
        _site.Submit("xx", "report:2024-05-14", Beijing(2024, 5, 14, 9, 40));
        _older = await _site.StorePhotoAsync("2024-wuxi", "xx", "report:2024-05-13", "机房.png", DashboardSite.Png, receivedAt: Beijing(2024, 5, 13, 15, 0).UtcDateTime);
        _photo = await _site.StorePhotoAsync("2024-wuxi", "jd", "report:2024-05-14", "开幕式.png", DashboardSite.Png, receivedAt: Beijing(2024, 5, 14, 9, 5).UtcDateTime);
        _video = await _site.StorePhotoAsync("2024-wuxi", "jd", "report:2024-05-14", "开幕式.mp4", [0, 0, 0, 24, 102, 116, 121, 112], MediaKind.Video);
        _otherWeek = await _site.StorePhotoAsync("2020-shandong", "jinan", "report:2020-05-10", "2020.png", DashboardSite.Png);
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    private async Task<(HttpResponseMessage Response, string Html)> OpenAsync(string pathAndQuery)
    {
        var response = await _site.Client.GetAsync(pathAndQuery);
        return (response, await response.Content.ReadAsStringAsync());
    }

    private static string Row(string html, string department) =>
        RowPattern().Matches(html).Single(m => m.Groups["id"].Value == department).Value;

    /// <summary>Each cell's status class, in column order: plan, 12–18 May, statistics, summary.</summary>
    private static string[] Statuses(string row) => CellPattern().Matches(row).Select(m => m.Groups[1].Value).ToArray();

    [Fact]
    public async Task ValidLink_ShowsEveryDepartment_WithStatusesComputedFromTheStoredSubmissions()
    {
        var link = await _site.AskForLinkAsync(Staff);
        var (response, html) = await OpenAsync(DashboardSite.PathOf(link));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/html", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        foreach (var name in DashboardSite.WuxiDepartments) Assert.Contains(name, html);
        Assert.Contains("2024年职业教育活动周", html);
        Assert.Contains("一技在手，一生无忧", html);
        Assert.Contains("5月12日至5月18日", html);
        Assert.Contains("更新于 5月14日 10:00（北京时间）", html);

        //                      plan    12      13      14      15      16      17      18      stats   summary
        Assert.Equal(["on", "on", "on", "on", "open", "open", "open", "open", "open", "open"], Statuses(Row(html, "jd")));
        Assert.Equal(["on", "on", "late", "on", "open", "open", "open", "open", "open", "open"], Statuses(Row(html, "xx")));
        Assert.Equal(["late", "on", "late", "open", "open", "open", "open", "open", "open", "open"], Statuses(Row(html, "jg")));
        Assert.Equal(["on", "on", "ex", "open", "open", "open", "open", "open", "open", "open"], Statuses(Row(html, "jz")));
        Assert.Equal(["miss", "miss", "miss", "open", "open", "open", "open", "open", "open", "open"], Statuses(Row(html, "sj")));
        // Symbols and words: 迟 for 信息's 13th (迟交 12:31), 补 for 经管's (a day later), 免, ✗, and what a screen reader says.
        Assert.Contains(">迟</span><span class=\"sr\">迟交（5月13日 12:31）</span>", Row(html, "xx"));
        Assert.Contains(">补</span><span class=\"sr\">补交（5月14日 09:10）</span>", Row(html, "jg"));
        Assert.Contains(">免</span><span class=\"sr\">免报</span>", Row(html, "jz"));
        Assert.Contains(">✗</span><span class=\"sr\">逾期未交</span>", Row(html, "sj"));
        // Today's column is marked.
        Assert.Matches("<th scope=\"col\" class=\"today\" aria-current=\"date\"><span class=\"d\">5/14</span>", html);
    }

    [Fact]
    public async Task ValidLink_ShowsTotals_ItemBars_AndTheGalleryNewestFirst()
    {
        var (_, html) = await OpenAsync(DashboardSite.PathOf(await _site.AskForLinkAsync(Staff)));

        Assert.Contains("data-total=\"departments\"><span class=\"n\">5</span>", html);
        Assert.Contains("data-total=\"plan\"><span class=\"n\">4/5</span>", html);
        Assert.Contains("<span data-count=\"on\"><b>2</b>按时</span>", html);
        Assert.Contains("<span data-count=\"late\"><b>0</b>", html);
        Assert.Contains("<span data-count=\"missing\"><b>3</b>未交</span>", html);
        Assert.Contains("data-total=\"statistics\"><span class=\"n\">0/5</span>", html);
        Assert.Contains("data-total=\"cases\"><span class=\"n\">5</span>", html);   // 4 on the 12th, 机电 on the 13th
        Assert.Contains("data-total=\"stories\"><span class=\"n\">2</span>", html);
        Assert.Contains("data-total=\"photos\"><span class=\"n\">2</span>", html);  // not the 2020 one
        Assert.Contains("data-total=\"videos\"><span class=\"n\">1</span>", html);
        Assert.Contains("<li data-item=\"report:2024-05-13\"><div class=\"it-head\"><span>5月13日（周一）日报</span><span>已交 3/5</span></div>", html);
        Assert.Contains("按时 1 · 迟交/补交 2 · 免报 1 · 未交 1", html);

        var media = MediaPattern().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal([_photo.Id, _older.Id], media);
        Assert.Contains("机电工程学院 · 5月14日", html);
        Assert.Contains($"/dashboard/media/{_photo.Id}?t=", html);
        Assert.Contains("loading=\"lazy\"", html);
        Assert.DoesNotContain(_otherWeek.Id, html);
        // Videos are listed below the gallery (not as photos), played from the bot while there is no SharePoint copy.
        Assert.Contains("<h2 id=\"h-videos\">视频</h2><p class=\"hint\">共 1 个，最新在前", html);
        Assert.Matches($"<li data-video=\"{_video.Id}\"><a href=\"/dashboard/media/{_video.Id}\\?t=[^\"]+\" target=\"_blank\" rel=\"noopener noreferrer\"><span aria-hidden=\"true\">▶</span> 开幕式.mp4</a><span class=\"cap\">机电工程学院 · 5月14日 · 0.1 MB</span></li>", html);
    }

    [Fact]
    public async Task A_video_uploaded_to_SharePoint_links_there()
    {
        _video.WebUrl = "https://contoso.sharepoint.com/sites/office/Shared%20Documents/%E5%BC%80%E5%B9%95%E5%BC%8F.mp4";
        _video.Remote = RemoteState.Uploaded;
        _site.Get<IMediaStore>().Update(_video);

        var (_, html) = await OpenAsync(DashboardSite.PathOf(await _site.AskForLinkAsync(Staff)));

        Assert.Contains($"<li data-video=\"{_video.Id}\"><a href=\"{_video.WebUrl}\"", html);
    }

    [Fact]
    public async Task MediaEndpoint_PlaysAVideoOfTheLinksWeek_WithByteRanges()
    {
        var token = _site.Token("dashboard", TimeSpan.FromHours(1));
        var path = $"/dashboard/media/{_video.Id}?t={token}";

        var whole = await _site.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Equal("video/mp4", whole.Content.Headers.ContentType!.MediaType);
        Assert.Equal(new byte[] { 0, 0, 0, 24, 102, 116, 121, 112 }, await whole.Content.ReadAsByteArrayAsync());
        Assert.Equal("bytes", Header(whole, "Accept-Ranges"));
        Assert.Equal("nosniff", Header(whole, "X-Content-Type-Options"));
        Assert.Contains("inline; filename*=UTF-8''", Header(whole, "Content-Disposition"), StringComparison.Ordinal);
        // The browser's player loads the video from the same address: media from here, nothing else, no sandbox (see the Chromium test).
        Assert.StartsWith("default-src 'none'; media-src 'self'; frame-ancestors", Header(whole, "Content-Security-Policy"), StringComparison.Ordinal);

        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(4, 7);
        var part = await _site.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal("bytes 4-7/8", part.Content.Headers.ContentRange!.ToString());
        Assert.Equal(new byte[] { 102, 116, 121, 112 }, await part.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task TheLinkWorksAsAPathToo_AndInTheLanguageOfWhoAskedForIt()
    {
        var link = await _site.AskForLinkAsync(Staff, "dashboard", "en-US");
        var token = Regex.Match(link, "[?&]t=([^&]+)").Groups[1].Value;

        var (response, html) = await OpenAsync("/dashboard/" + token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html lang=\"en\">", html);
        Assert.Contains("Updated May 14, 10:00 (Beijing time)", html);
        Assert.Contains(">M</span><span class=\"sr\">Made up", Row(html, "jg"));
        foreach (var name in DashboardSite.WuxiDepartments) Assert.Contains(name, html);
    }

    public static TheoryData<string> NoLinks => new()
    {
        "/dashboard",
        "/dashboard?t=",
        "/dashboard?t=not-a-token",
        "/dashboard/abc.def",
    };

    [Theory]
    [MemberData(nameof(NoLinks))]
    public async Task WithoutAValidLink_NothingOfTheWeekIsShown_OnlyHowToGetALink(string path)
    {
        var (response, html) = await OpenAsync(path);

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Forbidden, $"{path}: {response.StatusCode}");
        Assert.Contains("请在 Teams 中向机器人发送“看板”获取链接", html);
        AssertShowsNothing(html);
    }

    [Fact]
    public async Task ExpiredLink_Is410_AndShowsNothing()
    {
        var (response, html) = await OpenAsync("/dashboard?t=" + _site.Token("dashboard", TimeSpan.FromSeconds(-1)));

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Contains("此看板链接已过期", html);
        Assert.Contains("请在 Teams 中向机器人发送“看板”获取链接", html);
        AssertShowsNothing(html);
    }

    [Fact]
    public async Task ALinkThatRunsOutWhileOpen_IsRefusedOnTheNextLoad()
    {
        var clock = new FakeTimeProvider(Beijing(2024, 5, 14, 10, 0));
        await using var site = await DashboardSite.StartAsync(new() { ["Links:DashboardLinkLifetime"] = "00:00:02" }, s => s.AddSingleton<TimeProvider>(clock));
        var link = await site.AskForLinkAsync(Staff);
        Assert.Equal(HttpStatusCode.OK, (await site.Client.GetAsync(DashboardSite.PathOf(link))).StatusCode);

        clock.Advance(TimeSpan.FromSeconds(2.2));
        var response = await site.Client.GetAsync(DashboardSite.PathOf(link));

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        AssertShowsNothing(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TamperedLink_Is403_AndShowsNothing()
    {
        var token = _site.Token("dashboard", TimeSpan.FromHours(1));
        var dot = token.IndexOf('.');
        // Another week in the payload, the old signature kept; and a signature with one character changed.
        var payload = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(Pad(token[..dot].Replace('-', '+').Replace('_', '/'))));
        var forged = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(payload.Replace("2024-wuxi", "2020-shandong"))).TrimEnd('=').Replace('+', '-').Replace('/', '_') + token[dot..];
        var flipped = token[..^1] + (token[^1] == 'A' ? 'B' : 'A');

        foreach (var bad in new[] { forged, flipped })
        {
            var (response, html) = await OpenAsync("/dashboard?t=" + bad);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("此看板链接无效", html);
            AssertShowsNothing(html);
        }
    }

    [Fact]
    public async Task ALinkMadeForAnotherPurpose_Is403()
    {
        var (response, html) = await OpenAsync("/dashboard?t=" + _site.Token("upload", TimeSpan.FromHours(1)));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        AssertShowsNothing(html);
    }

    [Fact]
    public async Task ALinkForAWeekTheBotNoLongerHas_Is404()
    {
        var (response, html) = await OpenAsync("/dashboard?t=" + _site.Token("dashboard", TimeSpan.FromHours(1), week: "2019-gone"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        AssertShowsNothing(html);
    }

    [Fact]
    public async Task APastWeek_OpensWithItsOwnDepartments()
    {
        var (response, html) = await OpenAsync(DashboardSite.PathOf(await _site.AskForLinkAsync(Staff, "看板 2020")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("济南市教育局", html);
        Assert.DoesNotContain("机电工程学院", html);
        Assert.Contains("2020.png", html);
    }

    [Fact]
    public async Task EveryAnswer_CarriesTheSecurityHeaders()
    {
        var link = DashboardSite.PathOf(await _site.AskForLinkAsync(Staff));
        foreach (var path in new[] { link, "/dashboard", "/dashboard?t=x.y", "/dashboard?t=" + _site.Token("dashboard", TimeSpan.FromSeconds(-1)) })
        {
            var (response, html) = await OpenAsync(path);
            Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
            Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
            Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
            var csp = Header(response, "Content-Security-Policy");
            var nonce = Regex.Match(csp, "script-src 'nonce-([^']+)'").Groups[1].Value;
            Assert.False(string.IsNullOrEmpty(nonce), csp);
            Assert.Contains($"style-src 'nonce-{nonce}'", csp);
            Assert.Contains("default-src 'none'", csp);
            Assert.Contains("img-src 'self'", csp);
            Assert.Contains("frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.cloud.microsoft https://*.office.com https://*.microsoft365.com https://outlook.office365.com https://teams.microsoftonline.cn", csp);
            Assert.DoesNotContain("unsafe-inline", csp);
            // Every inline script and style carries this response's nonce, and nothing is loaded from elsewhere.
            var inline = Regex.Matches(html, "<(script|style)[^>]*>").Select(m => m.Value).ToList();
            Assert.NotEmpty(inline);
            Assert.All(inline, tag => Assert.Contains($"nonce=\"{nonce}\"", tag));
            Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);
            Assert.False(response.Headers.Contains("X-Frame-Options"), "X-Frame-Options would keep the page out of the Teams tab");
        }
    }

    [Fact]
    public async Task MediaEndpoint_ServesAPhotoOfTheLinksWeek_ByteForByte()
    {
        var token = Regex.Match(await _site.AskForLinkAsync(Staff), "[?&]t=([^&]+)").Groups[1].Value;

        foreach (var query in new[] { "", "&thumb=1" })
        {
            var response = await _site.Client.GetAsync($"/dashboard/media/{_photo.Id}?t={token}{query}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal(DashboardSite.Png, await response.Content.ReadAsByteArrayAsync());
            Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
            Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
            Assert.Contains("sandbox", Header(response, "Content-Security-Policy"));
            Assert.True(response.Headers.CacheControl is { Private: true, NoStore: false } cc && cc.MaxAge == TimeSpan.FromHours(1), $"{response.Headers.CacheControl}");
        }
    }

    [Fact]
    public async Task MediaEndpoint_RefusesOtherWeeks_AndBadOrExpiredLinks()
    {
        var token = _site.Token("dashboard", TimeSpan.FromHours(1));
        var cases = new (string Path, HttpStatusCode Status)[]
        {
            ($"/dashboard/media/{_otherWeek.Id}?t={token}", HttpStatusCode.NotFound),
            ($"/dashboard/media/000000000000000000000000?t={token}", HttpStatusCode.NotFound),
            ($"/dashboard/media/{_photo.Id}", HttpStatusCode.Forbidden),
            ($"/dashboard/media/{_photo.Id}?t={token[..^2]}xx", HttpStatusCode.Forbidden),
            ($"/dashboard/media/{_photo.Id}?t={_site.Token("upload", TimeSpan.FromHours(1))}", HttpStatusCode.Forbidden),
            ($"/dashboard/media/{_photo.Id}?t={_site.Token("dashboard", TimeSpan.FromSeconds(-1))}", HttpStatusCode.Gone),
        };
        foreach (var (path, status) in cases)
        {
            var response = await _site.Client.GetAsync(path);
            Assert.True(status == response.StatusCode, $"{path}: {response.StatusCode}, expected {status}");
            Assert.Empty(await response.Content.ReadAsByteArrayAsync());
            Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        }
        // The 2020 photo opens with a 2020 link.
        var ok = await _site.Client.GetAsync($"/dashboard/media/{_otherWeek.Id}?t={_site.Token("dashboard", TimeSpan.FromHours(1), week: "2020-shandong")}");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Fact]
    public async Task AFileNameFromALiaison_IsShownAsText_NeverAsMarkup()
    {
        _photo.FileName = "\"><script>alert(1)</script><img src=x onerror=alert(2)>.png";
        _site.Get<IMediaStore>().Update(_photo);

        var (_, html) = await OpenAsync(DashboardSite.PathOf(await _site.AskForLinkAsync(Staff)));

        Assert.Contains("&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;.png", html);
        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("onerror=alert(2)>", html);
        Assert.Equal("a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39; · ×", VocEdWeek.Bot.Features.Dashboard.DashboardPage.H("a <b> & \"c\" 'd' · ×"));
    }

    private static void AssertShowsNothing(string html)
    {
        foreach (var name in DashboardSite.WuxiDepartments.Append("济南市教育局")) Assert.DoesNotContain(name, html);
        Assert.DoesNotContain("<table", html);
        Assert.DoesNotContain("2024年职业教育活动周", html);
        Assert.DoesNotContain("/dashboard/media/", html);
        Assert.DoesNotContain("吴苏玲", html);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var v) ? string.Join(",", v)
        : response.Content.Headers.TryGetValues(name, out var c) ? string.Join(",", c) : "";

    private static string Pad(string s) => s + (s.Length % 4) switch { 2 => "==", 3 => "=", _ => "" };

    [GeneratedRegex("<tr data-department=\"(?<id>[^\"]+)\">.*?</tr>")]
    private static partial Regex RowPattern();

    [GeneratedRegex("<td[^>]* data-status=\"([a-z]+)\"")]
    private static partial Regex CellPattern();

    [GeneratedRegex("<li data-media=\"([^\"]+)\">")]
    private static partial Regex MediaPattern();
}
