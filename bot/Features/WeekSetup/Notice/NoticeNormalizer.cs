using System.Text;
using System.Text.RegularExpressions;

namespace VocEdWeek.Bot.Features.WeekSetup.Notice;

/// <summary>
/// Cleans what offices paste or extract before anything is matched: web-copy noise, full-width forms (NFKC),
/// pinyin glosses ("根据(jù)"), traditional characters, spaces PDF extraction puts between characters, Chinese
/// numerals in dates and times, "号" days and weekday brackets. Gives the cleaned lines.
/// </summary>
internal static partial class NoticeNormalizer
{
    public static IReadOnlyList<string> Lines(string raw)
    {
        var text = WebNoise().Replace(raw, " ");
        text = ZeroWidth().Replace(text, "");
        text = WithoutLoneSurrogates(text).Normalize(NormalizationForm.FormKC);
        text = LineBreaks().Replace(text, "\n");
        text = PinyinGloss().Replace(text, "");
        text = TraditionalChars.ToSimplified(text);
        text = ChineseNumerals.ToDigits(text);
        return text.Split('\n').Select(CleanLine).Where(l => l.Length > 0).ToList();
    }

    /// <summary>Normalize() throws on a broken UTF-16 pair (a cut-off emoji in pasted text); it becomes U+FFFD.</summary>
    private static string WithoutLoneSurrogates(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1])) i++;
            else if (char.IsSurrogate(chars[i])) chars[i] = '\uFFFD';
        }
        return new string(chars);
    }

    private static string CleanLine(string line)
    {
        line = Bullet().Replace(line, "");
        line = LabelCell().Replace(line, "$1:");
        line = SpaceNextToCjk().Replace(line, "");
        line = Spaces().Replace(line, " ").Trim();
        line = MonthDayHao().Replace(line, "$1日");
        return WeekdayBracket().Replace(line, "日");
    }

    [GeneratedRegex(@"&nbsp;|&#160;|&#xa0;", RegexOptions.IgnoreCase)]
    private static partial Regex WebNoise();

    [GeneratedRegex("[\u200B-\u200D\u2060\uFEFF\u00AD]")]
    private static partial Regex ZeroWidth();

    [GeneratedRegex("\r\n|[\r\u0085\u2028\u2029\v\f]")]
    private static partial Regex LineBreaks();

    // A bracket right after a Han character holding one lower-case syllable with a tone mark: a pinyin gloss that
    // some sites add to every polyphonic character. "(OA)" or "(附件1)" have no tone mark and stay. A PDF line may
    // wrap between the character and its gloss.
    [GeneratedRegex(@"(?<=\p{IsCJKUnifiedIdeographs}[ \t]*\n?[ \t]*)\((?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,7}\)")]
    private static partial Regex PinyinGloss();

    [GeneratedRegex(@"^\s*(?:[•·●○◆◇■□▪▫►▶✓✔※➢\*]+|-(?=\s))\s*")]
    private static partial Regex Bullet();

    // PDF extraction and justified Word text put spaces between Chinese characters and digits ("2020 年", "相 关").
    [GeneratedRegex(@"[ \t]+(?=[\p{IsCJKUnifiedIdeographs}\p{IsCJKSymbolsandPunctuation}“”‘’《》〇—])|(?<=[\p{IsCJKUnifiedIdeographs}\p{IsCJKSymbolsandPunctuation}“”‘’《》〇—])[ \t]+")]
    private static partial Regex SpaceNextToCjk();

    [GeneratedRegex(@"[ \t]+")]
    private static partial Regex Spaces();

    // A Word table row "时间 | 5月12日至18日" arrives as "时间\t5月12日至18日": the first cell is a label.
    [GeneratedRegex(@"^(\p{IsCJKUnifiedIdeographs}{2,8})\t+")]
    private static partial Regex LabelCell();

    [GeneratedRegex(@"([0-9]{1,2}月[0-9]{1,2}|(?:至|到|~|-|—|–)[0-9]{1,2})号")]
    private static partial Regex MonthDayHao();

    [GeneratedRegex(@"日\s*\(\s*(?:星期|礼拜|周)[一二三四五六日天1-7]\s*\)")]
    private static partial Regex WeekdayBracket();
}
