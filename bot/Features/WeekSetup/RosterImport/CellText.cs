using System.Globalization;
using System.Text;

namespace VocEdWeek.Bot.Features.WeekSetup.RosterImport;

/// <summary>
/// Cell text as people mean it: NFKC folds full-width letters, digits, "＠" and the ideographic space typed by
/// Chinese input methods; stray and zero-width spaces go.
/// </summary>
internal static class CellText
{
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var folded = text.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(folded.Length);
        var space = false;
        foreach (var c in folded)
        {
            if (c is '\u200B' or '\u200C' or '\u200D' or '\uFEFF') continue;
            if (char.IsWhiteSpace(c) && c != '\n')
            {
                space = true;
                continue;
            }
            if (space && sb.Length > 0 && c != '\n' && sb[^1] != '\n') sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString().Trim();
    }

    /// <summary>A header or department name compared loosely: no spaces at all, lower case, no "*" marks.</summary>
    public static string Key(string? text) =>
        string.Concat(Clean(text).Where(c => !char.IsWhiteSpace(c) && c != '*')).ToLowerInvariant();

    /// <summary>
    /// A number cell's text. Phones typed into Excel are stored as numbers, sometimes written as
    /// "1.3800000001E+10"; the office wants the digits back, never the exponent.
    /// </summary>
    public static string Number(string raw)
    {
        if (!decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return raw;
        return value == decimal.Truncate(value)
            ? value.ToString("0", CultureInfo.InvariantCulture)
            : value.ToString(CultureInfo.InvariantCulture);
    }

    public static bool IsHan(char c) => c is >= '\u3400' and <= '\u9FFF' or '·' or '•';
}
