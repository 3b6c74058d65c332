using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Localization;

namespace VocEdWeek.Bot.Tests.Files.Publishing;

public sealed class MediaLinkTests
{
    private static MediaRecord File(string name, string? url, MediaKind kind = MediaKind.Photo) =>
        new() { FileName = name, WebUrl = url, Kind = kind, State = MediaState.Stored };

    [Fact]
    public void A_file_in_SharePoint_is_a_markdown_link() =>
        Assert.Equal("[开幕式.jpg](https://c.sharepoint.com/sites/jwc/Shared%20Documents/a.jpg)",
            MediaSummary.Link(File("开幕式.jpg", "https://c.sharepoint.com/sites/jwc/Shared%20Documents/a.jpg")));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("javascript:alert(1)")]
    [InlineData("http://insecure.example/a.jpg")]
    [InlineData("not a url")]
    public void Anything_but_an_https_url_stays_a_plain_name(string? url) => Assert.Equal("a.jpg", MediaSummary.Link(File("a.jpg", url)));

    [Fact]
    public void Brackets_and_parentheses_cannot_break_the_link()
    {
        var link = MediaSummary.Link(File("合影[1] (2).jpg", "https://c.sharepoint.com/a (2).jpg"));
        Assert.Equal(@"[合影\[1\] (2).jpg](https://c.sharepoint.com/a%20%282%29.jpg)", link);
    }

    [Fact]
    public void A_name_that_is_markdown_stays_text_linked_or_not()
    {
        const string name = "[点我](https://evil.example).jpg";
        Assert.Equal("\\[点我\\](https\u2060://evil.example).jpg", MediaSummary.Link(File(name, null)));
        Assert.Equal("[\\[点我\\](https\u2060://evil.example).jpg](https://c.sharepoint.com/x.jpg)", MediaSummary.Link(File(name, "https://c.sharepoint.com/x.jpg")));
    }

    [Fact]
    public void Describe_links_the_uploaded_names_and_keeps_the_rest_plain()
    {
        var t = Strings.For("zh-CN");
        var text = MediaSummary.Describe([File("a.jpg", "https://x.sharepoint.com/a.jpg"), File("b.mp4", null, MediaKind.Video)], t);
        Assert.Equal("1 张照片、1 个视频：[a.jpg](https://x.sharepoint.com/a.jpg)、b.mp4", text);
    }
}
