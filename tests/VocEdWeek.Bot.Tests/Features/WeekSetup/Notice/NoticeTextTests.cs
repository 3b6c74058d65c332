using System.IO.Compression;
using System.Text;
using VocEdWeek.Bot.Features.WeekSetup.Notice;

namespace VocEdWeek.Bot.Tests.Features.WeekSetup.Notice;

/// <summary>Reading notice files: text encodings, Word paragraphs and tables, and every file that cannot be read.</summary>
public sealed class NoticeTextTests
{
    private const string Sample = "关于做好2024年职业教育活动周工作的通知\n时间：2024年5月12日至18日。";

    public static TheoryData<string> Encodings => new("utf-8", "utf-8-bom", "utf-16le-bom", "utf-16be-bom", "gb18030");

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Text_files_in_every_usual_encoding_read_the_same(string encoding)
    {
        var bytes = encoding switch
        {
            "utf-8" => Encoding.UTF8.GetBytes(Sample),
            "utf-8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Sample)],
            "utf-16le-bom" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Sample)],
            "utf-16be-bom" => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(Sample)],
            _ => NoticeFiles.Gb18030.GetBytes(Sample),
        };
        var read = NoticeText.Extract(bytes, "通知.txt");
        Assert.Equal(Sample, read.Text);
        Assert.Null(read.ErrorKey);
    }

    [Fact]
    public void A_word_file_gives_paragraphs_in_order_then_table_rows_cell_by_cell()
    {
        var docx = NoticeFiles.Docx("关于做好2024年职业教育活动周工作的通知\n各二级学院：", [["时间", "2024年5月12日至18日"], ["主题", "一技在手，一生无忧"]]);
        var read = NoticeText.Extract(docx, "通知.DOCX");
        Assert.Equal("关于做好2024年职业教育活动周工作的通知\n各二级学院：\n时间\t2024年5月12日至18日\n主题\t一技在手，一生无忧\n", read.Text);
        var draft = NoticeParser.Parse(read.Text!, SeedNotices.Options);
        Assert.Equal((new DateOnly(2024, 5, 12), new DateOnly(2024, 5, 18), "一技在手，一生无忧"), (draft.Start, draft.End, draft.Theme));
    }

    [Theory]
    [InlineData("通知.doc", NoticeKeys.OldWordFile)]
    [InlineData("通知.wps", NoticeKeys.OldWordFile)]
    [InlineData("通知.xlsx", NoticeKeys.NotANoticeFile)]
    [InlineData("照片.jpg", NoticeKeys.NotANoticeFile)]
    [InlineData("通知", NoticeKeys.NotANoticeFile)]
    public void Other_files_are_not_notices(string name, string key) =>
        Assert.Equal(key, NoticeText.Extract(Encoding.UTF8.GetBytes(Sample), name).ErrorKey);

    [Fact]
    public void Damaged_files_give_their_key_and_never_throw()
    {
        var garbage = new byte[4096];
        new Random(11).NextBytes(garbage);
        var docx = NoticeFiles.Docx(Sample);
        Assert.Equal(NoticeKeys.DocxUnreadable, NoticeText.Extract(garbage, "通知.docx").ErrorKey);
        Assert.Equal(NoticeKeys.DocxUnreadable, NoticeText.Extract(docx[..(docx.Length / 2)], "通知.docx").ErrorKey);
        Assert.Equal(NoticeKeys.DocxUnreadable, NoticeText.Extract(ZipWithoutWord(), "通知.docx").ErrorKey);
        Assert.Equal(NoticeKeys.PdfUnreadable, NoticeText.Extract(garbage, "通知.pdf").ErrorKey);
        Assert.Equal(NoticeKeys.PdfUnreadable, NoticeText.Extract([.. "%PDF-1.7\n"u8, .. garbage], "通知.pdf").ErrorKey);
        Assert.Equal(NoticeKeys.PdfUnreadable, NoticeText.Extract([], "通知.pdf").ErrorKey);
        Assert.Equal(NoticeKeys.TextUnreadable, NoticeText.Extract([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0x0D], "通知.txt").ErrorKey);
    }

    [Fact]
    public void Files_without_text_are_empty()
    {
        Assert.Equal(NoticeKeys.Empty, NoticeText.Extract([], "通知.txt").ErrorKey);
        Assert.Equal(NoticeKeys.Empty, NoticeText.Extract("\r\n  \r\n"u8.ToArray(), "通知.txt").ErrorKey);
        Assert.Equal(NoticeKeys.Empty, NoticeText.Extract(NoticeFiles.Docx("\n\n"), "通知.docx").ErrorKey);
    }

    [Fact]
    public void Every_key_has_chinese_and_english_text()
    {
        var keys = typeof(NoticeKeys).GetFields().Select(f => (string)f.GetValue(null)!).ToList();
        Assert.Equal(7, keys.Count);
        foreach (var locale in new[] { "zh-CN", "en-US" })
        {
            var strings = VocEdWeek.Bot.Localization.Strings.For(locale);
            Assert.All(keys, k => Assert.False(string.IsNullOrWhiteSpace(strings[k])));
        }
    }

    private static byte[] ZipWithoutWord()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = new StreamWriter(zip.CreateEntry("readme.txt").Open());
            entry.Write("not a word file");
        }
        return stream.ToArray();
    }
}
