using System.Text;

namespace VocEdWeek.Bot.Features.WeekSetup.Notice;

/// <summary>
/// Plain-text notices: a BOM decides (UTF-8, UTF-16 LE/BE); without one, valid UTF-8 is UTF-8 and anything else is
/// GB18030 — what Chinese Windows Notepad wrote for years (a superset of GBK/GB2312).
/// </summary>
internal static class TextFileDecoder
{
    private static readonly Lazy<Encoding> Gb18030 = new(() =>
    {
        // The code-page encodings ship with .NET; they only need registering once.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    });

    public static NoticeTextResult Decode(byte[] bytes)
    {
        if (bytes.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF })) return Checked(new UTF8Encoding(false).GetString(bytes, 3, bytes.Length - 3));
        if (bytes.AsSpan().StartsWith(new byte[] { 0xFF, 0xFE })) return Checked(Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2));
        if (bytes.AsSpan().StartsWith(new byte[] { 0xFE, 0xFF })) return Checked(Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2));
        // NUL bytes never occur in UTF-8 or GB18030 text: this is a binary file with a .txt name.
        if (bytes.AsSpan().Contains((byte)0)) return NoticeTextResult.Failed(NoticeKeys.TextUnreadable);
        try
        {
            return Checked(new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes));
        }
        catch (DecoderFallbackException)
        {
            return Checked(Gb18030.Value.GetString(bytes));
        }
    }

    /// <summary>Refuses text that is mostly replacement or control characters (binary data decoded as text).</summary>
    private static NoticeTextResult Checked(string text)
    {
        var bad = text.Count(c => c == '\uFFFD' || (char.IsControl(c) && c is not '\n' and not '\r' and not '\t'));
        return bad > text.Length / 20 ? NoticeTextResult.Failed(NoticeKeys.TextUnreadable) : NoticeTextResult.Read(text);
    }
}
