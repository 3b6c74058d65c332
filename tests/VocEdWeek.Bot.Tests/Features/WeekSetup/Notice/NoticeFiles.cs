using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace VocEdWeek.Bot.Tests.Features.WeekSetup.Notice;

/// <summary>Real notice files made from text at test time: GB18030 bytes, a Word file, an image-only ("scanned") PDF.</summary>
public static class NoticeFiles
{
    public static Encoding Gb18030 { get; } = CreateGb18030();

    /// <summary>A .docx with one paragraph per line of <paramref name="text"/>, and optionally a table after them.</summary>
    public static byte[] Docx(string text, IReadOnlyList<string[]>? table = null)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var body = new Body();
            foreach (var line in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
            {
                body.Append(new Paragraph(new Run(new Text(line) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve })));
            }
            if (table is not null)
            {
                body.Append(new Table(table.Select(row => new TableRow(row.Select(cell => new TableCell(new Paragraph(new Run(new Text(cell)))))))));
            }
            doc.AddMainDocumentPart().Document = new Document(body);
        }
        return stream.ToArray();
    }

    /// <summary>A PDF whose page is only a picture, as a scanner makes it: no text layer at all.</summary>
    public static byte[] ScannedPdf(byte[] png)
    {
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        page.AddPng(png, new PdfRectangle(0, 0, page.PageSize.Width, page.PageSize.Height));
        return builder.Build();
    }

    private static Encoding CreateGb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    }
}
