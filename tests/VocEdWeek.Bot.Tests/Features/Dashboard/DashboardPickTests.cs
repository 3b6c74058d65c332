using System.Net;
using System.Net.Http.Json;
using VocEdWeek.Bot.Features.Dashboard;
using VocEdWeek.Bot.Recommendations;
using VocEdWeek.Bot.Tests.Features.Forms;

namespace VocEdWeek.Bot.Tests.Features.Dashboard;

/// <summary>
/// Issue 16: office staff pick from the dashboard (POST /dashboard/pick) with their dashboard link; liaisons' and
/// observers' links, requests from elsewhere and unknown items are refused. The real bot over HTTP, on LiteDB and PostgreSQL.
/// </summary>
public sealed class DashboardPickTests : IAsyncLifetime
{
    private DashboardSite _site = null!;
    private string _case = "";
    private string _photo = "";

    public async Task InitializeAsync()
    {
        _site = await DashboardSite.StartAsync();
        _site.Submit("jd", "report:2024-05-14", FormsWorld.Beijing(2024, 5, 14, 9, 0), typicalCase: "校企共建实训基地");
        var photo = await _site.StorePhotoAsync("2024-wuxi", "jd", "report:2024-05-14", "开幕式.png", DashboardSite.Png);
        _case = Pick.ItemIdOf("jd", "report:2024-05-14", PickKind.Case, null);
        _photo = Pick.ItemIdOf("jd", "report:2024-05-14", PickKind.Photo, photo.Id);
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    private string StaffToken() => _site.Get<DashboardLinks>().Create("2024-wuxi", "吴苏玲", "zh-CN", FormsWorld.Staff.AadObjectId).Token;

    private Task<HttpResponseMessage> PostAsync(string? token, string item, bool on, string? origin = null, bool header = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, DashboardPickEndpoint.Path) { Content = JsonContent.Create(new { t = token, item, on }) };
        if (header) request.Headers.Add(DashboardPickEndpoint.Header, "1");
        if (origin is not null) request.Headers.Add("Origin", origin);
        return _site.Client.SendAsync(request);
    }

    private IReadOnlyList<Pick> Active() => _site.Get<IPickStore>().Active("2024-wuxi");

    [Fact]
    public async Task Staff_pick_and_withdraw_a_case_and_a_photo_from_their_page()
    {
        var token = StaffToken();
        var page = await _site.Client.GetStringAsync($"/dashboard?t={Uri.EscapeDataString(token)}");
        Assert.Contains($"data-item=\"{_case}\" data-on=\"0\"", page);
        Assert.Contains($"data-item=\"{_photo}\" data-on=\"0\"", page);

        var picked = await PostAsync(token, _case, on: true, origin: "http://localhost");
        Assert.Equal(HttpStatusCode.OK, picked.StatusCode);
        Assert.Equal("{\"on\":true}", await picked.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(token, _photo, on: true)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(token, _photo, on: true)).StatusCode);

        Assert.Equal([_case, _photo], Active().Select(p => p.ItemId));
        Assert.All(Active(), p => Assert.Equal((PickSource.Office, "吴苏玲", FormsWorld.Staff.AadObjectId), (p.Source, p.ByName, p.ByAadObjectId)));
        Assert.Contains($"data-item=\"{_case}\" data-on=\"1\"", await _site.Client.GetStringAsync($"/dashboard?t={Uri.EscapeDataString(token)}"));

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(token, _case, on: false)).StatusCode);
        Assert.Equal([_photo], Active().Select(p => p.ItemId));
    }

    [Fact]
    public async Task A_liaisons_link_an_unnamed_link_a_foreign_page_or_a_plain_form_cannot_pick()
    {
        var liaison = _site.Get<DashboardLinks>().CreateForDepartment("2024-wuxi", "张伟", "jd", "zh-CN", FormsWorld.Liaison.AadObjectId).Token;
        var unnamed = _site.Get<DashboardLinks>().Create("2024-wuxi", "吴苏玲", "zh-CN").Token;
        var staff = StaffToken();

        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(liaison, _case, on: true)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(unnamed, _case, on: true)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync("not-a-link", _case, on: true)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(staff, _case, on: true, origin: "https://evil.example")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(staff, _case, on: true, header: false)).StatusCode);
        var form = await _site.Client.PostAsync(DashboardPickEndpoint.Path, new FormUrlEncodedContent(new Dictionary<string, string> { ["t"] = staff, ["item"] = _case, ["on"] = "true" }));
        Assert.Equal(HttpStatusCode.Forbidden, form.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(staff, "jd|report:2024-05-13|Case", on: true)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(staff, "xx|report:2024-05-14|Photo|" + _photo.Split('|')[3], on: true)).StatusCode);
        Assert.Empty(Active());

        var page = await _site.Client.GetStringAsync($"/dashboard?t={Uri.EscapeDataString(unnamed)}");
        Assert.DoesNotContain("button class=\"pick\"", page);
    }
}
