namespace VocEdWeek.Bot.Features.WeekSetup.Notice;

/// <summary>Localization keys (weeksetup.*.json) for a notice file that cannot be read.</summary>
public static class NoticeKeys
{
    public const string NotANoticeFile = "weeksetup_notice_not_a_notice_file";
    public const string OldWordFile = "weeksetup_notice_old_word_file";
    public const string Empty = "weeksetup_notice_empty";
    public const string TextUnreadable = "weeksetup_notice_text_unreadable";
    public const string DocxUnreadable = "weeksetup_notice_docx_unreadable";
    public const string PdfUnreadable = "weeksetup_notice_pdf_unreadable";
    public const string PdfNoTextLayer = "weeksetup_notice_pdf_no_text_layer";
}
