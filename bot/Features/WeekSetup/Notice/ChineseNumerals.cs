using System.Globalization;
using System.Text.RegularExpressions;

namespace VocEdWeek.Bot.Features.WeekSetup.Notice;

/// <summary>
/// Chinese numerals in dates and times become digits: "二〇二四年" → 2024年, "五月十二日" → 5月12日, "上午十点" → 上午10点.
/// Only numbers right before 年 (four digits), 月, 日, 号, 点, 时 or a minute count are touched, so "十部门" or
/// "第十届" stay as written; "周一" / "星期日" are weekdays, not days of the month.
/// </summary>
internal static partial class ChineseNumerals
{
    private const string Digits = "〇一二三四五六七八九";

    public static string ToDigits(string text)
    {
        text = Year().Replace(text, m => string.Concat(m.Groups[1].Value.Select(c => c is '零' or '○' or 'O' ? '0' : (char)('0' + Digits.IndexOf(c)))) + "年");
        text = Minutes().Replace(text, m => Value(m.Groups[1].Value) is { } v ? v.ToString(CultureInfo.InvariantCulture) : m.Value);
        return Count().Replace(text, m => Value(m.Groups[1].Value) is { } v and <= 31 ? v.ToString(CultureInfo.InvariantCulture) : m.Value);
    }

    /// <summary>一 … 九, 十, 十八, 二十, 三十一 (两 for two); null for anything else.</summary>
    private static int? Value(string numeral)
    {
        static int Digit(char c) => c == '两' ? 2 : Digits.IndexOf(c);
        var ten = numeral.IndexOf('十');
        if (ten < 0) return numeral.Length == 1 && Digit(numeral[0]) > 0 ? Digit(numeral[0]) : null;
        var tens = ten == 0 ? 1 : ten == 1 && Digit(numeral[0]) > 0 ? Digit(numeral[0]) : -1;
        var ones = ten == numeral.Length - 1 ? 0 : ten == numeral.Length - 2 && Digit(numeral[^1]) > 0 ? Digit(numeral[^1]) : -1;
        return tens < 0 || ones < 0 ? null : tens * 10 + ones;
    }

    [GeneratedRegex("([〇○零一二三四五六七八九]{4})年")]
    private static partial Regex Year();

    [GeneratedRegex("(?<=[点时])([一二三四五六七八九十]{1,3})(?=分)")]
    private static partial Regex Minutes();

    [GeneratedRegex("(?<![周期拜第])([一二三四五六七八九十两]{1,3})(?=[月日号点时])")]
    private static partial Regex Count();
}
