using System.Text;
using VocEdWeek.Bot.Features.WeekSetup.Notice;

namespace VocEdWeek.Bot.Tests.Features.WeekSetup.Notice;

/// <summary>The two real notices as text: UTF-8 as received, GB18030 as Chinese Notepad saves, pasted text.</summary>
public sealed class SeedNoticeTextTests
{
    public static TheoryData<string> Seeds => new(SeedNotices.Names);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Pasted_text_gives_the_expected_draft(string seed) =>
        DraftAssert.Same(SeedNotices.Expected(seed), NoticeParser.Parse(SeedNotices.Text(seed), SeedNotices.Options));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Utf8_txt_file_gives_the_expected_draft(string seed) =>
        DraftAssert.Same(SeedNotices.Expected(seed), Parse(SeedNotices.Bytes(seed), seed + ".txt"));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Gb18030_txt_file_gives_the_expected_draft(string seed)
    {
        var bytes = NoticeFiles.Gb18030.GetBytes(SeedNotices.Text(seed));
        Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, true).GetString(bytes));
        DraftAssert.Same(SeedNotices.Expected(seed), Parse(bytes, seed + ".TXT"));
    }

    private static WeekDraft Parse(byte[] bytes, string name)
    {
        var read = NoticeText.Extract(bytes, name);
        Assert.True(read.Succeeded, read.ErrorKey);
        return NoticeParser.Parse(read.Text!, SeedNotices.Options);
    }
}
