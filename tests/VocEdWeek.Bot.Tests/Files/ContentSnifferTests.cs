using System.Text;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Files;

/// <summary>The first bytes against the name: what passes as a photo, a video, a PDF, an Office document or a text.</summary>
public sealed class ContentSnifferTests
{
    public static TheoryData<string, string, ContentProblem?> Cases() => new()
    {
        { "开幕式.jpg", "FFD8FFE000104A464946", null },
        { "截图.jpg", "89504E470D0A1A0A0000000D", null },             // a PNG named .jpg is still a photo
        { "动图.gif", Hex("GIF89a") + "0100", null },
        { "合影.webp", Hex("RIFF") + "24000000" + Hex("WEBPVP8 "), null },
        { "手机.heic", "00000018" + Hex("ftypheic") + "00000000", null },
        { "手机.heif", "00000018" + Hex("ftypmif1") + "00000000", null },
        { "老照片.bmp", Hex("BM") + "36000C000000000036000000", null },
        { "网页.jpg", Hex("<!DOCTYPE html><html>"), ContentProblem.NotPhoto },
        { "视频.jpg", "00000018" + Hex("ftypisom") + "00000000", ContentProblem.NotPhoto },
        { "空白.jpg", "", ContentProblem.Empty },
        { "技能展示.mp4", "00000018" + Hex("ftypisom") + "00000200", null },
        { "技能展示.mp4", "00000018" + Hex("ftypmp42") + "00000000", null },
        { "苹果.mov", "00000014" + Hex("ftypqt  ") + "20050300", null },
        { "老苹果.mov", "00000008" + Hex("wide") + "0000", null },
        { "录屏.m4v", "0000001C" + Hex("ftypM4V ") + "00000001", null },
        { "网页.webm", "1A45DFA3A34286810142F7", null },
        { "旧片.avi", Hex("RIFF") + "00100000" + Hex("AVI LIST"), null },
        { "旧片.wmv", "3026B2758E66CF11A6D900AA0062CE6C", null },
        { "照片.mp4", "00000018" + Hex("ftypheic") + "00000000", ContentProblem.NotVideo },
        { "照片.mp4", "FFD8FFE000104A464946", ContentProblem.NotVideo },
        { "方案.pdf", Hex("%PDF-1.7\n"), null },
        { "方案.pdf", "EFBBBF" + Hex("\n%PDF-1.4"), null },                   // a few bytes before the header are allowed
        { "方案.pdf", Hex("<html>"), ContentProblem.NotPdf },
        { "方案.docx", "504B0304140006000800", null },
        { "方案.doc", "D0CF11E0A1B11AE10000", null },
        { "方案.doc", Hex(@"{\rtf1\ansi"), null },
        { "加密.docx", "D0CF11E0A1B11AE10000", null },                  // password-protected OOXML is an OLE container
        { "统计.xls", "504B0304140006000800", null },
        { "文稿.wps", "D0CF11E0A1B11AE10000", null },
        { "统计.xlsx", Hex("<table><tr><td>1</td></tr></table>"), ContentProblem.NotOffice },
        { "说明.txt", Hex("职教活动周 一技在手\r\n"), null },
        { "说明.txt", "D6D0CEC4CAC7" + Hex("\r\n"), null },              // GBK "中文是"
        { "说明.txt", "FFFE2D4E8765", null },                             // UTF-16 with BOM
        { "说明.txt", "4D5A90000300000004000000", ContentProblem.NotText }, // an .exe named .txt
        { "其他.csv", "00", null },                                      // an extension the office added: only not empty
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void First_bytes_decide(string name, string hex, ContentProblem? expected) =>
        Assert.Equal(expected, ContentSniffer.Check(name, Convert.FromHexString(hex), complete: true));

    [Fact]
    public void A_character_cut_at_the_end_of_the_sample_is_not_an_error()
    {
        var text = Encoding.UTF8.GetBytes(new string('好', 2000)); // 6000 bytes; the head ends inside a character
        Assert.Null(ContentSniffer.Check("说明.txt", text.AsSpan(0, ContentSniffer.HeadBytes), complete: false));
        Assert.Equal(ContentProblem.NotText, ContentSniffer.Check("说明.txt", [0x41, 0x00, 0x42], complete: true));
    }

    [Fact]
    public async Task The_head_is_read_once_and_the_whole_stream_comes_back_byte_for_byte()
    {
        var video = MediaBytes.Mp4(100_000);
        var head = await ContentHead.ReadAsync(new MemoryStream(video), default);
        Assert.False(head.Complete);
        Assert.Null(head.Check("a.mp4"));
        var copy = new MemoryStream();
        await head.Content.CopyToAsync(copy);
        Assert.Equal(video, copy.ToArray());

        var small = await ContentHead.ReadAsync(new MemoryStream(MediaBytes.Jpeg(100)), default);
        Assert.True(small.Complete);
        Assert.Equal(100, small.Bytes.Length);
    }

    [Fact]
    public void Reasons_are_in_the_liaisons_language()
    {
        Assert.Equal("网页.jpg（内容不是照片，文件可能已损坏或扩展名有误）", ContentSniffer.Reason(Strings.For("zh-CN"), "网页.jpg", ContentProblem.NotPhoto));
        Assert.Equal("空白.jpg（文件是空的，请检查后重新发送）", ContentSniffer.Reason(Strings.For("zh-CN"), "空白.jpg", ContentProblem.Empty));
        Assert.StartsWith("a.docx (the content is not a valid Word", ContentSniffer.Reason(Strings.For("en-US"), "a.docx", ContentProblem.NotOffice), StringComparison.Ordinal);
    }

    private static string Hex(string ascii) => Convert.ToHexString(Encoding.UTF8.GetBytes(ascii));
}
