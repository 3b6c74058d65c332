using VocEdWeek.Bot.Cards;

namespace VocEdWeek.Bot.Tests.Cards;

/// <summary>What people typed stays text where Teams renders markdown: no links, no formatting, no clickable bare addresses.</summary>
public sealed class PlainTextTests
{
    private const char Joiner = '\u2060';

    [Theory]
    [InlineData("[点击领取奖励，请先登录](https://evil.example/phish)", "\\[点击领取奖励，请先登录\\](https\u2060://evil.example/phish)")]
    [InlineData("![x](https://evil.example/a.png)", "!\\[x\\](https\u2060://evil.example/a.png)")]
    [InlineData("**粗体** 与 *斜体*", "\\*\\*粗体\\*\\* 与 \\*斜体\\*")]
    [InlineData("_强调_ 和 IMG_0001_a.jpg", "\\_强调\\_ 和 IMG_0001_a.jpg")]
    [InlineData("# 标题\n- 列表\n+ 列表\n1. 编号\n  12) 编号\n===", "\\# 标题\n\\- 列表\n\\+ 列表\n1\\. 编号\n  12\\) 编号\n\\===")]
    [InlineData("a - b, 3.5 万人, 2024-05-14", "a - b, 3.5 万人, 2024-05-14")]
    [InlineData("`code` > quote | table ~~del~~ <at>x</at> \\", "\\`code\\` \\> quote \\| table \\~\\~del\\~\\~ \\<at\\>x\\</at\\> \\\\")]
    [InlineData("见 www.evil.example 或 HTTP://evil.example 和 ftp://x", "见 www\u2060.evil.example 或 HTTP\u2060://evil.example 和 ftp\u2060://x")]
    [InlineData("智能制造实训中心开放日（120人）", "智能制造实训中心开放日（120人）")]
    public void Escape_ShowsTheTextAsTyped(string typed, string escaped) => Assert.Equal(escaped, PlainText.Escape(typed));

    [Fact]
    public void Escape_OfNothing_IsEmpty()
    {
        Assert.Equal("", PlainText.Escape(null));
        Assert.Equal("", PlainText.Escape(""));
    }

    [Fact]
    public void Escape_LeavesNoBareAddressALinkDetectorWouldFind()
    {
        var escaped = PlainText.Escape("https://a.example http://b.example www.c.example");

        Assert.DoesNotContain("://", escaped.Replace(Joiner + "://", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("www.", escaped, StringComparison.Ordinal);
    }
}
