namespace VocEdWeek.Bot.Words;

/// <summary>Small numbers written with digits or Chinese numerals: 14, 十四, 二十一, 廿一, 三〇.</summary>
public static class ChineseNumber
{
    private const string Digits = "〇一二三四五六七八九";

    public static int? Parse(string text)
    {
        text = text.Trim();
        if (text.Length == 0) return null;
        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)) return n;
        text = text.Replace('零', '〇').Replace('两', '二').Replace("廿", "二十", StringComparison.Ordinal).Replace("卅", "三十", StringComparison.Ordinal);
        var ten = text.IndexOf('十', StringComparison.Ordinal);
        if (ten < 0)
        {
            // Digit by digit: 二〇 = 20.
            var value = 0;
            foreach (var c in text)
            {
                var d = Digits.IndexOf(c, StringComparison.Ordinal);
                if (d < 0) return null;
                value = value * 10 + d;
            }
            return value;
        }
        if (text.IndexOf('十', ten + 1) >= 0) return null;
        var tens = ten == 0 ? 1 : Digit(text[..ten]);
        var ones = ten == text.Length - 1 ? 0 : Digit(text[(ten + 1)..]);
        return tens is null || ones is null ? null : tens * 10 + ones;
    }

    private static int? Digit(string s) => s.Length == 1 && Digits.IndexOf(s[0], StringComparison.Ordinal) is var d and >= 0 ? d : null;
}
