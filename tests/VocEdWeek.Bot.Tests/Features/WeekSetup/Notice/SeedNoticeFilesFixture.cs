using VocEdWeek.Bot.Tests.Features.Exports;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Features.WeekSetup.Notice;

/// <summary>
/// Each seed notice as a Word file (one paragraph per line) and that Word file saved as PDF by LibreOffice (one
/// soffice run for both), plus a page of the 2024 PDF rendered to PNG for the "scanned" case.
/// </summary>
public sealed class SeedNoticeFilesFixture : IDisposable
{
    private readonly TempDir _dir = new();

    public SeedNoticeFilesFixture()
    {
        var docxPaths = new List<string>();
        foreach (var seed in SeedNotices.Names)
        {
            var bytes = NoticeFiles.Docx(SeedNotices.Text(seed));
            Docx[seed] = bytes;
            var path = Path.Combine(_dir.Path, seed + ".docx");
            File.WriteAllBytes(path, bytes);
            docxPaths.Add(path);
        }
        var pdfs = LibreOffice.ToPdf(docxPaths, Path.Combine(_dir.Path, "pdf"));
        foreach (var seed in SeedNotices.Names) Pdf[seed] = File.ReadAllBytes(pdfs[docxPaths.Single(p => Path.GetFileNameWithoutExtension(p) == seed)]);
        var png = LibreOffice.Png(pdfs[docxPaths[0]], pages: 1).Single();
        ScannedPdf = NoticeFiles.ScannedPdf(File.ReadAllBytes(png));
    }

    public Dictionary<string, byte[]> Docx { get; } = [];

    public Dictionary<string, byte[]> Pdf { get; } = [];

    public byte[] ScannedPdf { get; }

    public void Dispose() => _dir.Dispose();
}
