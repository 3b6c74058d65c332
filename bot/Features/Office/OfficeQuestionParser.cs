using System.Text;
using System.Text.RegularExpressions;
using VocEdWeek.Bot.Handlers;
using VocEdWeek.Bot.Weeks;
using VocEdWeek.Bot.Words;

namespace VocEdWeek.Bot.Features.Office;

/// <summary>
/// Understands office questions in loose Chinese or English: "今天谁还没报送", "昨天的日报谁没交", "计划表还有谁没交",
/// "统计表进度", "5月14日", "进度", "who hasn't reported today", "status for May 14". Full-width text, typos ("stauts",
/// "谁还没保送") and a few extra words (a leftover name) are fine. A question it does not understand gives null, never a guess.
/// </summary>
public static partial class OfficeQuestionParser
{
    /// <summary>With an intent word, up to this many unknown Chinese characters (a name, a department) may remain.</summary>
    private const int MaxUnknownChinese = 8;
    /// <summary>… and up to this many unknown English words.</summary>
    private const int MaxUnknownWords = 3;

    private enum Claim { Filler, Missing, Progress, Plan, DailyReport, Statistics, Summary }

    private static readonly (Func<Regex> Pattern, Claim Claim)[] Rules =
    [
        (OfficeWords.LongPlan, Claim.Plan),
        (OfficeWords.LongStatistics, Claim.Statistics),
        (OfficeWords.LongSummary, Claim.Summary),
        (OfficeWords.LongDaily, Claim.DailyReport),
        (OfficeWords.Tally, Claim.Filler),
        (OfficeWords.Missing, Claim.Missing),
        (OfficeWords.Progress, Claim.Progress),
        (OfficeWords.Plan, Claim.Plan),
        (OfficeWords.Statistics, Claim.Statistics),
        (OfficeWords.Summary, Claim.Summary),
        (OfficeWords.Daily, Claim.DailyReport),
        (OfficeWords.ChineseFiller, Claim.Filler),
    ];

    /// <summary>The question, with relative days counted from <paramref name="today"/> (the week's local date); null when not understood.</summary>
    public static OfficeQuestion? Parse(string text, DateOnly today, IReadOnlyList<DateOnly>? weekDays = null)
    {
        var normalized = CorrectTypos(text.Normalize(NormalizationForm.FormKC).ToLowerInvariant());
        if (OfficeWords.HowTo().IsMatch(normalized)) return null;

        var wholeWeek = false;
        if (OfficeWords.WholeWeek().Match(normalized) is { Success: true } week)
        {
            wholeWeek = true;
            normalized = normalized.Remove(week.Index, week.Length).Insert(week.Index, " ");
        }

        DateOnly? day = null;
        string? badDate = null;
        var rest = normalized;
        if (DatePhrase.Find(normalized, today, weekDays) is { } date)
        {
            if (date.Date is { } d) day = d; else badDate = date.Phrase;
            rest = GiveBackDailyReport(normalized, date);
        }

        var compact = Compact(CommandText.From(rest).Folded);
        var claimed = new bool[compact.Length];
        Claim? intent = null, item = null;
        foreach (var (pattern, claim) in Rules)
        {
            foreach (Match m in pattern().Matches(compact))
            {
                if (m.Length == 0 || claimed.AsSpan(m.Index, m.Length).Contains(true)) continue;
                claimed.AsSpan(m.Index, m.Length).Fill(true);
                switch (claim)
                {
                    case Claim.Missing: intent = Claim.Missing; break;
                    case Claim.Progress: intent ??= Claim.Progress; break;
                    case Claim.Filler: break;
                    default: item ??= claim; break;
                }
            }
        }

        var leftover = Leftover(compact, claimed);
        if (OfficeWords.Veto().IsMatch(leftover)) return null;
        var (unknownChinese, unknownWords) = Unknown(leftover);
        var named = item is not null || day is not null || badDate is not null || wholeWeek;
        if (intent is null)
        {
            // A bare item or day ("总结", "5月14日", "今天的日报") asks for its missing list; anything more is not ours.
            if (!named || unknownChinese > 0 || unknownWords > 0) return null;
        }
        else if (unknownChinese > MaxUnknownChinese || unknownWords > MaxUnknownWords) return null;

        return new OfficeQuestion(
            intent == Claim.Progress ? OfficeIntent.Progress : OfficeIntent.Missing,
            item switch
            {
                Claim.Plan => ItemKind.Plan,
                Claim.Statistics => ItemKind.Statistics,
                Claim.Summary => ItemKind.Summary,
                _ => ItemKind.DailyReport,
            },
            day ?? today,
            wholeWeek)
        {
            ItemNamed = item is not null,
            DayNamed = day is not null || badDate is not null,
            BadDate = badDate,
        };
    }

    /// <summary>"5月13日报" / "2024-05-13 日报": the date phrase took the 日 of 日报; give the item its word back.</summary>
    private static string GiveBackDailyReport(string normalized, DatePhraseMatch date)
    {
        if (!NumberedDay().IsMatch(date.Phrase)) return date.Rest;
        var at = normalized.IndexOf(date.Phrase, StringComparison.Ordinal);
        var after = at < 0 ? "" : normalized[(at + date.Phrase.Length)..];
        return after.StartsWith('报') && !after.StartsWith("报送", StringComparison.Ordinal)
            ? normalized[..at] + " 日" + after
            : date.Rest;
    }

    [GeneratedRegex(@"[\d〇零一二两三四五六七八九十廿卅]\s*日$")]
    private static partial Regex NumberedDay();

    /// <summary>Folded text with no spaces between Chinese characters, and a space between Latin letters and Chinese.</summary>
    private static string Compact(string folded)
    {
        var joined = CjkGap().Replace(folded, "");
        return LatinCjkBoundary().Replace(joined, " ");
    }

    private static string Leftover(string compact, bool[] claimed)
    {
        var sb = new StringBuilder(compact.Length);
        for (var i = 0; i < compact.Length; i++) sb.Append(claimed[i] ? ' ' : compact[i]);
        return sb.ToString();
    }

    private static (int Chinese, int Words) Unknown(string leftover)
    {
        var chinese = 0;
        foreach (var c in leftover) if (c > 0x2E7F && char.IsLetter(c)) chinese++;
        var words = LatinWord().Matches(leftover).Count(m => !OfficeWords.EnglishFiller.Contains(m.Value));
        return (chinese, words);
    }

    /// <summary>Replaces misspelt English words with the nearest known one (same first letter, 1 edit; 2 for long words).</summary>
    private static string CorrectTypos(string text) => AsciiWord().Replace(text, m =>
    {
        var word = m.Value;
        if (word.Length < 4 || OfficeWords.EnglishFiller.Contains(word) || Known.Contains(word)) return word;
        return Typos.Nearest(word, OfficeWords.EnglishVocabulary, (w, _) => w.Length >= 7 ? 2 : 1);
    });

    private static readonly HashSet<string> Known = new(OfficeWords.EnglishVocabulary, StringComparer.Ordinal);

    [GeneratedRegex(@"(?<=[^\x00-\x7f])\s+(?=[^\x00-\x7f])")]
    private static partial Regex CjkGap();

    [GeneratedRegex(@"(?<=[a-z])(?=[^\x00-\x7f])|(?<=[^\x00-\x7f])(?=[a-z])")]
    private static partial Regex LatinCjkBoundary();

    [GeneratedRegex(@"[a-z0-9]+")]
    private static partial Regex LatinWord();

    [GeneratedRegex(@"[a-z]+")]
    private static partial Regex AsciiWord();
}
