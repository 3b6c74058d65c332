namespace VocEdWeek.Bot.Features.WeekSetup.Notice;

/// <summary>
/// Turns a notice file the office sends (.txt, .docx, .pdf with a text layer) into plain text, one paragraph a line.
/// Never throws on what a user can send: an unknown type, garbage or a scan comes back as a localization key.
/// </summary>
public static class NoticeText
{
    public static NoticeTextResult Extract(byte[] bytes, string fileName)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var result = Path.GetExtension(fileName ?? "").ToLowerInvariant() switch
        {
            ".txt" => TextFileDecoder.Decode(bytes),
            ".docx" => DocxNoticeReader.Read(bytes),
            ".pdf" => PdfNoticeReader.Read(bytes),
            // Old binary Word files are common in offices; naming the fix beats a generic refusal.
            ".doc" or ".wps" => NoticeTextResult.Failed(NoticeKeys.OldWordFile),
            _ => NoticeTextResult.Failed(NoticeKeys.NotANoticeFile),
        };
        return result.Succeeded && string.IsNullOrWhiteSpace(result.Text) ? NoticeTextResult.Failed(NoticeKeys.Empty) : result;
    }
}
