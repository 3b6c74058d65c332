using System.Text;

namespace VocEdWeek.Bot.Features.WeekSetup.RosterImport;

/// <summary>
/// The text of a .csv whichever way it was saved: a byte-order mark says UTF-8 or UTF-16; otherwise UTF-8 if the
/// bytes are valid UTF-8, else GB18030, which is what Chinese Excel writes for "CSV (逗号分隔)".
/// </summary>
internal static class TextDecoding
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static TextDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Gb18030 => Encoding.GetEncoding(54936);

    /// <summary>The text, or null when the bytes are not text at all (a NUL character: a binary file renamed .csv).</summary>
    public static string? Decode(byte[] bytes)
    {
        var text = bytes switch
        {
            [0xEF, 0xBB, 0xBF, ..] => Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3),
            [0xFF, 0xFE, ..] => Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2),
            [0xFE, 0xFF, ..] => Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2),
            _ => Utf8(bytes) ?? Gb18030.GetString(bytes),
        };
        return text.Contains('\0', StringComparison.Ordinal) ? null : text;
    }

    private static string? Utf8(byte[] bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
