using System.Net;
using Microsoft.Extensions.DependencyInjection;
using VocEdWeek.Bot.Features.UploadPage;
using VocEdWeek.Bot.Links;
using VocEdWeek.Bot.Tests.Fakes;
using static VocEdWeek.Bot.Tests.Features.UploadPage.UploadHttp;

namespace VocEdWeek.Bot.Tests.Features.UploadPage;

/// <summary>
/// A link works only while the week file lists its liaison for its department: links signed for someone not (or no
/// longer) on the department's list get a 403 page and take no files; links from before the roster check still work.
/// </summary>
public sealed class UploadLinkRevocationTests : IAsyncLifetime
{
    private UploadWorld _w = null!;

    public async Task InitializeAsync() => _w = await UploadWorld.StartAsync();

    public async Task DisposeAsync() => await _w.DisposeAsync();

    private LinkSigner Signer => _w.Services.GetRequiredService<LinkSigner>();

    /// <summary>A link for 机电工程学院 (jd) as the bot would sign it, with the given roster key.</summary>
    private string Link(string? rosterKey)
    {
        var grant = new UploadGrant("2024-wuxi", "jd", "report:2024-05-14", "张伟", UploadWorld.LiaisonAad, $"a:chat-{UploadWorld.LiaisonAad}", "zh-CN", rosterKey);
        return Token(_w.Services.GetRequiredService<UploadLinks>().Create(grant).Url);
    }

    [Fact]
    public async Task The_bots_own_link_names_the_liaison_as_the_week_file_lists_them()
    {
        var check = Signer.Verify(Token(await _w.LinkAsync()), UploadGrant.Purpose);

        Assert.Equal(UploadWorld.LiaisonAad, UploadGrant.From(check)!.RosterKey);
    }

    [Theory]
    [InlineData("11a150a0-0000-4000-8000-000000000002")] // 李娜: a liaison, but of 信息工程学院
    [InlineData("gone@college.example.edu.cn")] // nobody on the roster (any more)
    [InlineData("0ff1ce00-0000-4000-8000-000000000001")] // office staff
    public async Task Someone_the_week_file_does_not_list_for_the_department_is_refused(string rosterKey)
    {
        var token = Link(rosterKey);

        var page = await _w.Http.GetAsync($"/upload/{token}");
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("链接已停用", html, StringComparison.Ordinal);
        Assert.DoesNotContain("机电工程学院", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<input", html, StringComparison.Ordinal);

        var post = await PostFileAsync(_w.Http, token, "a.jpg", Bytes(MediaBytes.Jpeg()));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Contains("已不是此部门的联络员", await ErrorOf(post), StringComparison.Ordinal);
        Assert.Empty(Directory.Exists(Path.Combine(_w.DataDirectory, "files")) ? Directory.GetFiles(Path.Combine(_w.DataDirectory, "files"), "*", SearchOption.AllDirectories) : []);
    }

    [Theory]
    [InlineData(UploadWorld.LiaisonAad)] // listed by Entra id
    [InlineData("zhangwei@college.example.edu.cn")] // the same liaison by e-mail
    [InlineData(null)] // a link made before links named the liaison
    public async Task The_departments_liaison_is_let_in(string? rosterKey)
    {
        var token = Link(rosterKey);

        Assert.Equal(HttpStatusCode.OK, (await _w.Http.GetAsync($"/upload/{token}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostFileAsync(_w.Http, token, "a.jpg", Bytes(MediaBytes.Jpeg()))).StatusCode);
    }
}
