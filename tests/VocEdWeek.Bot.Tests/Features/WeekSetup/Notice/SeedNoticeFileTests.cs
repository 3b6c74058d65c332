using VocEdWeek.Bot.Features.WeekSetup.Notice;

namespace VocEdWeek.Bot.Tests.Features.WeekSetup.Notice;

/// <summary>The two real notices sent as Word and as PDF (with a text layer), and as a scan of the PDF.</summary>
public sealed class SeedNoticeFileTests(SeedNoticeFilesFixture files) : IClassFixture<SeedNoticeFilesFixture>
{
    public static TheoryData<string> Seeds => new(SeedNotices.Names);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Docx_gives_the_expected_draft(string seed) =>
        DraftAssert.Same(SeedNotices.Expected(seed), Parse(files.Docx[seed], seed + ".docx"));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Pdf_saved_from_word_gives_the_expected_draft(string seed) =>
        DraftAssert.Same(SeedNotices.Expected(seed), Parse(files.Pdf[seed], seed + ".pdf"));

    [Fact]
    public void A_scanned_pdf_asks_for_the_word_file_or_the_text()
    {
        var read = NoticeText.Extract(files.ScannedPdf, "通知扫描件.pdf");
        Assert.False(read.Succeeded);
        Assert.Equal(NoticeKeys.PdfNoTextLayer, read.ErrorKey);
    }

    private static WeekDraft Parse(byte[] bytes, string name)
    {
        var read = NoticeText.Extract(bytes, name);
        Assert.True(read.Succeeded, read.ErrorKey);
        return NoticeParser.Parse(read.Text!, SeedNotices.Options);
    }
}
