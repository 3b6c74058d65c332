using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace VocEdWeek.Bot.Features.WeekSetup.Notice;

/// <summary>
/// PDF notices with a text layer (saved from Word or WPS). A scan has pictures only: no letters on any page gives
/// its own key, so the office is told to send the Word file or paste the text instead of getting an empty draft.
/// </summary>
internal static class PdfNoticeReader
{
    public static NoticeTextResult Read(byte[] bytes)
    {
        try
        {
            using var pdf = PdfDocument.Open(bytes);
            var text = new StringBuilder();
            foreach (var page in pdf.GetPages())
            {
                text.Append(ContentOrderTextExtractor.GetText(page)).Append('\n');
            }
            return text.ToString().Any(c => !char.IsWhiteSpace(c))
                ? NoticeTextResult.Read(text.ToString())
                : NoticeTextResult.Failed(NoticeKeys.PdfNoTextLayer);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // PdfPig's parser reports damaged input through many exception types, some from deep inside; the bytes
            // come from a user, so every failure to parse them is "this PDF cannot be read", never a crash.
            return NoticeTextResult.Failed(NoticeKeys.PdfUnreadable);
        }
    }
}
