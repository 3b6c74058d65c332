using System.Text;

namespace VocEdWeek.Bot.Features.Exports.Writers.OpenXml;

/// <summary>Text as XML 1.0 accepts it: what liaisons typed may hold control characters the XML writer refuses.</summary>
public static class XmlText
{
    public static string Clean(string? text, int max = int.MaxValue)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var clean = true;
        foreach (var c in text)
        {
            if (!Allowed(c)) { clean = false; break; }
        }
        var result = text;
        if (!clean)
        {
            var sb = new StringBuilder(text.Length);
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { sb.Append(c).Append(text[++i]); continue; }
                if (Allowed(c)) sb.Append(c);
            }
            result = sb.ToString();
        }
        if (result.Length <= max) return result;
        return result[..(char.IsHighSurrogate(result[max - 1]) ? max - 1 : max)];
    }

    // Surrogates go the slow way: only complete pairs are kept.
    private static bool Allowed(char c) => c is '\t' or '\n' or '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF && !char.IsSurrogate(c));
}
