using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Links;
using VocEdWeek.Bot.Tests.Fakes;
using static VocEdWeek.Bot.Tests.Features.UploadPage.UploadHttp;

namespace VocEdWeek.Bot.Tests.Features.UploadPage;

/// <summary>
/// The personal upload page over real HTTP: the link a liaison gets from the bot, the page it opens, files
/// streamed into the store and recorded in LiteDB under the link's item, and one acknowledgement in the chat.
/// </summary>
public sealed partial class UploadPageTests : IAsyncLifetime
{
    private const string ReportFolder = "files/2024年职业教育活动周/机电工程学院/2024-05-14";
    private UploadWorld _w = null!;

    public async Task InitializeAsync() => _w = await UploadWorld.StartAsync();

    public async Task DisposeAsync() => await _w.DisposeAsync();

    private IMediaStore Media => _w.Services.GetRequiredService<IMediaStore>();

    [Fact]
    public async Task The_link_opens_a_self_contained_page_for_that_department_item_and_expiry()
    {
        var posts = await _w.SayAsync("上传链接");
        var card = Assert.Single(posts)["attachments"]![0]!["content"]!.ToJsonString(new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.Contains("机电工程学院 · 5月14日 日报", card, StringComparison.Ordinal);
        Assert.Contains("5月14日 21:30（北京时间）", card, StringComparison.Ordinal); // 09:30 + 12 h, Beijing time
        var url = await _w.LinkAsync();
        Assert.StartsWith(_w.BaseUrl + "/upload/", url, StringComparison.Ordinal);

        var response = await _w.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("机电工程学院 · 5月14日 日报", html, StringComparison.Ordinal);
        Assert.Contains("联络员：张伟", html, StringComparison.Ordinal);
        Assert.Contains("链接有效期至 5月14日 21:30（北京时间）", html, StringComparison.Ordinal);
        Assert.Contains("name=\"viewport\"", html, StringComparison.Ordinal);
        Assert.Matches("<input type=\"file\" id=\"files\" multiple accept=\"image/\\*,video/\\*,[^\"]*\\.jpg,[^\"]*\\.mp4,[^\"]*\\.pdf", html);
        Assert.Contains("upload.onprogress", html, StringComparison.Ordinal);
        // Nothing from elsewhere: no external script, style, image or font.
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);
        Assert.DoesNotContain("@import", html, StringComparison.Ordinal);

        AssertSecured(response);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        var nonce = Regex.Match(csp, "script-src 'nonce-([^']+)'").Groups[1].Value;
        Assert.NotEmpty(nonce);
        Assert.Contains($"<script nonce=\"{nonce}\">", html, StringComparison.Ordinal);
        Assert.Contains($"<style nonce=\"{nonce}\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        // A new nonce per response.
        var again = await _w.Http.GetAsync(url);
        Assert.NotEqual(csp, again.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task English_liaison_gets_an_English_card_and_page()
    {
        var url = await _w.LinkAsync("upload link", locale: "en-US");
        var html = await _w.Http.GetStringAsync(url);
        Assert.Contains("<html lang=\"en-US\">", html, StringComparison.Ordinal);
        Assert.Contains("Upload photos and videos", html, StringComparison.Ordinal);
        Assert.Contains("机电工程学院 · report of May 14", html, StringComparison.Ordinal);
        Assert.Contains("Valid until", string.Join("", (await _w.SayAsync("upload link", locale: "en-US")).Select(p => p.ToJsonString())), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Three_files_are_streamed_stored_under_the_report_recorded_and_acknowledged_once()
    {
        var token = Token(await _w.LinkAsync());
        var photo1 = MediaBytes.Jpeg(300_000, seed: 1);
        var photo2 = MediaBytes.Jpeg(150_000, seed: 7);
        const long video = 20L * 1024 * 1024;

        var answers = new List<(HttpStatusCode Status, string Body)>();
        foreach (var (name, content) in new (string, HttpContent)[] { ("开幕式.jpg", Bytes(photo1)), ("实训 现场.JPG", Bytes(photo2)), ("技能展示.mp4", Streamed(video)) })
        {
            var response = await PostFileAsync(_w.Http, token, name, content);
            answers.Add((response.StatusCode, await response.Content.ReadAsStringAsync()));
            AssertSecured(response);
        }
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.Contains("\"name\":\"开幕式.jpg\"", Regex.Unescape(answers[0].Body), StringComparison.Ordinal);
        Assert.Contains("\"size\":20971520", answers[2].Body, StringComparison.Ordinal);

        // In LiteDB before each 200: the right week, department, item, liaison and chat; one batch, distinct sources.
        var records = Media.StoredForItem("2024-wuxi", "jd", "report:2024-05-14").OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        Assert.Equal(["开幕式.jpg", "实训 现场.jpg", "技能展示.mp4"], records.Select(r => r.FileName));
        Assert.All(records, r =>
        {
            Assert.Equal("张伟", r.FromName);
            Assert.Equal(UploadWorld.LiaisonAad, r.FromAadObjectId);
            Assert.Equal($"a:chat-{UploadWorld.LiaisonAad}", r.ConversationId);
            Assert.Equal("zh-CN", r.Locale);
            Assert.StartsWith("upload|", r.BatchId, StringComparison.Ordinal);
        });
        Assert.Single(records.Select(r => r.BatchId).Distinct());
        Assert.Equal(3, records.Select(r => r.SourceKey).Distinct().Count());
        Assert.Equal([MediaKind.Photo, MediaKind.Photo, MediaKind.Video], records.Select(r => r.Kind));

        // Byte for byte on disk, under files/{week}/{department}/{day}.
        var folder = Path.Combine(_w.DataDirectory, ReportFolder);
        Assert.Equal(photo1, File.ReadAllBytes(Path.Combine(folder, "开幕式.jpg")));
        Assert.Equal(photo2, File.ReadAllBytes(Path.Combine(folder, "实训 现场.jpg")));
        Assert.Equal(PatternStream.Sha256(video), records[2].Sha256);
        Assert.Equal(video, new FileInfo(Path.Combine(folder, "技能展示.mp4")).Length);
        Assert.Equal($"2024年职业教育活动周/机电工程学院/2024-05-14/技能展示.mp4", records[2].Location);

        // One acknowledgement in the liaison's chat, however often "done" is called.
        var before = _w.Connector.Posts.Count;
        Assert.True((bool)(await DoneAsync(_w.Http, token))["sent"]!);
        Assert.False((bool)(await DoneAsync(_w.Http, token))["sent"]!);
        var ack = Assert.Single(_w.TextsSince(before));
        Assert.Equal("（通过上传页面）已收到 2 张照片、1 个视频：开幕式.jpg、实训 现场.jpg、技能展示.mp4。已归入 机电工程学院 · 5月14日 日报。", ack);
        Assert.Contains(_w.Connector.Calls, c => c.Method == "POST" && c.Path.Contains($"conversations/a:chat-{UploadWorld.LiaisonAad}/activities", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_second_run_on_the_same_page_is_its_own_batch_and_a_taken_name_is_numbered()
    {
        var token = Token(await _w.LinkAsync());
        Assert.Equal(HttpStatusCode.OK, (await PostFileAsync(_w.Http, token, "a.jpg", Bytes(MediaBytes.Jpeg(seed: 1)), "run-one-0001")).StatusCode);
        await DoneAsync(_w.Http, token, "run-one-0001");
        var second = await PostFileAsync(_w.Http, token, "a.jpg", Bytes(MediaBytes.Jpeg(seed: 4)), "run-two-0002");
        Assert.Contains("a (2).jpg", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var before = _w.Connector.Posts.Count;
        Assert.True((bool)(await DoneAsync(_w.Http, token, "run-two-0002"))["sent"]!);
        Assert.Contains("a (2).jpg", Assert.Single(_w.TextsSince(before)), StringComparison.Ordinal);
        Assert.DoesNotContain("a.jpg、", _w.TextsSince(before)[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_disallowed_type_is_415_with_the_reason_and_nothing_is_kept()
    {
        var token = Token(await _w.LinkAsync());
        var response = await PostFileAsync(_w.Http, token, "virus.exe", Bytes(new byte[5000]));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.StartsWith("virus.exe（不支持此文件类型", await ErrorOf(response), StringComparison.Ordinal);
        AssertNothingKept();
    }

    [Fact]
    public async Task Missing_name_or_batch_is_400()
    {
        var token = Token(await _w.LinkAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await PostFileAsync(_w.Http, token, "", Bytes([1]))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostFileAsync(_w.Http, token, "a.jpg", Bytes([1]), batch: "a:chat|act-1")).StatusCode);
        AssertNothingKept();
    }

    [Fact]
    public async Task A_path_in_the_name_or_a_department_in_the_query_changes_nothing_the_link_decides()
    {
        var token = Token(await _w.LinkAsync());
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/upload/{token}/files?department=xx&item=summary") { Content = Bytes(MediaBytes.Jpeg(seed: 9)) };
        request.Headers.Add("X-File-Name", Uri.EscapeDataString("../../信息工程学院/2024-05-13/x.jpg"));
        request.Headers.Add("X-Upload-Batch", "page-run-0001");
        Assert.Equal(HttpStatusCode.OK, (await _w.Http.SendAsync(request)).StatusCode);
        Assert.True(File.Exists(Path.Combine(_w.DataDirectory, ReportFolder, "x.jpg")));
        Assert.DoesNotContain(Media.ForWeek("2024-wuxi"), r => r.DepartmentId != "jd" || r.ItemKey != "report:2024-05-14");
        Assert.False(Directory.Exists(Path.Combine(_w.DataDirectory, "files", "2024年职业教育活动周", "信息工程学院")));
    }

    [Fact]
    public async Task An_expired_link_is_a_410_page_without_form_or_data_and_refuses_files()
    {
        var url = await _w.LinkAsync();
        _w.Clock.Advance(TimeSpan.FromHours(11) + TimeSpan.FromMinutes(59));
        Assert.Equal(HttpStatusCode.OK, (await _w.Http.GetAsync(url)).StatusCode);
        _w.Clock.Advance(TimeSpan.FromMinutes(1));

        var page = await _w.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("链接已过期", html, StringComparison.Ordinal);
        Assert.Contains("上传链接", html, StringComparison.Ordinal); // says how to get a new one
        AssertShowsNothing(html);
        AssertSecured(page);

        var post = await PostFileAsync(_w.Http, Token(url), "a.jpg", Bytes(MediaBytes.Jpeg(seed: 1)));
        Assert.Equal(HttpStatusCode.Gone, post.StatusCode);
        Assert.Contains("已过期", await ErrorOf(post), StringComparison.Ordinal);
        AssertNothingKept();
    }

    [Fact]
    public async Task A_tampered_truncated_or_other_purpose_link_is_a_404_page_without_form_and_refuses_files()
    {
        var token = Token(await _w.LinkAsync());
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        // Same signature, payload changed to another department: the signature no longer matches.
        var payload = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(Pad(token[..dot])));
        var forged = Base64Url(payload.Replace("\"d\":\"jd\"", "\"d\":\"xx\"", StringComparison.Ordinal)) + token[dot..];
        Assert.NotEqual(token, forged);
        var signer = _w.Services.GetRequiredService<LinkSigner>();
        var dashboard = signer.Create("dashboard", new Dictionary<string, string> { ["w"] = "2024-wuxi", ["d"] = "xx", ["i"] = "report:2024-05-14", ["u"] = "x", ["c"] = "a:x" }, TimeSpan.FromHours(1));

        foreach (var bad in new[] { forged, token[..^3], token[..dot], dashboard, "nonsense" })
        {
            var page = await _w.Http.GetAsync($"/upload/{bad}");
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
            var html = await page.Content.ReadAsStringAsync();
            Assert.Contains("链接无效", html, StringComparison.Ordinal);
            AssertShowsNothing(html);
            AssertSecured(page);
            var post = await PostFileAsync(_w.Http, bad, "a.jpg", Bytes(MediaBytes.Jpeg(seed: 1)));
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
            using var done = new HttpRequestMessage(HttpMethod.Post, $"/upload/{bad}/done") { Headers = { { "X-Upload-Batch", "page-run-0001" } } };
            Assert.Equal(HttpStatusCode.NotFound, (await _w.Http.SendAsync(done)).StatusCode);
        }
        AssertNothingKept();
        // Without a locale in the link, the browser's language is used.
        using var english = new HttpRequestMessage(HttpMethod.Get, "/upload/nonsense") { Headers = { { "Accept-Language", "en-GB,en;q=0.9" } } };
        Assert.Contains("This link is not valid", await (await _w.Http.SendAsync(english)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_that_disconnects_mid_file_leaves_nothing()
    {
        var token = Token(await _w.LinkAsync());
        var finished = _w.Requests.NextAsync("/files");
        await Assert.ThrowsAnyAsync<Exception>(() => PostFileAsync(_w.Http, token, "断网.mp4", Chunked(8L * 1024 * 1024, failAfter: 3L * 1024 * 1024)));
        // The server notices the broken request a moment later: once it has finished with it, nothing may remain.
        await finished.WaitAsync(HangGuard.Limit);
        Assert.Empty(PartialFiles());
        AssertNothingKept();
    }

    private static void AssertSecured(HttpResponseMessage response)
    {
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
    }

    private static void AssertShowsNothing(string html)
    {
        Assert.DoesNotContain("<input", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        foreach (var data in new[] { "机电工程学院", "信息工程学院", "张伟", "日报", "2024" }) Assert.DoesNotContain(data, html, StringComparison.Ordinal);
    }

    private void AssertNothingKept()
    {
        Assert.Empty(Media.ForWeek("2024-wuxi"));
        var files = Path.Combine(_w.DataDirectory, "files");
        Assert.Empty(Directory.Exists(files) ? Directory.GetFiles(files, "*", SearchOption.AllDirectories) : []);
    }

    private string[] PartialFiles()
    {
        var files = Path.Combine(_w.DataDirectory, "files");
        return Directory.Exists(files) ? Directory.GetFiles(files, "*.part", SearchOption.AllDirectories) : [];
    }

    private static string Pad(string base64Url)
    {
        var s = base64Url.Replace('-', '+').Replace('_', '/');
        return s + (s.Length % 4) switch { 2 => "==", 3 => "=", _ => "" };
    }

    private static string Base64Url(string text) =>
        Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
