using System.IO.Packaging;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace VocEdWeek.Bot.Features.WeekSetup.Notice;

/// <summary>
/// Word notices: the body's paragraphs in order, one a line; a table row becomes one line with its cells
/// separated by tabs (notices often put the time, theme or deadlines in a small table).
/// </summary>
internal static class DocxNoticeReader
{
    public static NoticeTextResult Read(byte[] bytes)
    {
        try
        {
            using var doc = WordprocessingDocument.Open(new MemoryStream(bytes, writable: false), false);
            var body = doc.MainDocumentPart?.Document?.Body;
            if (body is null) return NoticeTextResult.Failed(NoticeKeys.DocxUnreadable);
            var text = new StringBuilder();
            AppendBlocks(body, text);
            return NoticeTextResult.Read(text.ToString());
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or IOException or XmlException
                                       or FileFormatException or InvalidOperationException or ArgumentException)
        {
            // Not a zip, a zip without Word parts, or broken XML inside: all "this Word file cannot be read".
            return NoticeTextResult.Failed(NoticeKeys.DocxUnreadable);
        }
    }

    private static void AppendBlocks(OpenXmlElement container, StringBuilder text)
    {
        foreach (var element in container.ChildElements)
        {
            switch (element)
            {
                case Paragraph p:
                    text.Append(ParagraphText(p)).Append('\n');
                    break;
                case Table table:
                    foreach (var row in table.Elements<TableRow>())
                    {
                        var cells = row.Elements<TableCell>().Select(c => string.Join(" ", c.Descendants<Paragraph>().Select(ParagraphText)));
                        text.Append(string.Join("\t", cells)).Append('\n');
                    }
                    break;
                default:
                    // Content controls and custom XML wrap ordinary paragraphs.
                    AppendBlocks(element, text);
                    break;
            }
        }
    }

    private static string ParagraphText(Paragraph paragraph)
    {
        var text = new StringBuilder();
        foreach (var element in paragraph.Descendants())
        {
            switch (element)
            {
                case Text t: text.Append(t.Text); break;
                case TabChar: text.Append('\t'); break;
                case Break or CarriageReturn: text.Append('\n'); break;
            }
        }
        return text.ToString();
    }
}
