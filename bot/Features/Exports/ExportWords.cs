using System.Text.RegularExpressions;
using VocEdWeek.Bot.Handlers;
using VocEdWeek.Bot.Words;

namespace VocEdWeek.Bot.Features.Exports;

/// <summary>
/// The words of export commands, as patterns over folded text (NFKC, lower case, no punctuation, no spaces between
/// Chinese characters). Within one pattern longer phrases come first.
/// </summary>
public static partial class ExportWords
{
    /// <summary>"导出…", "请导出…", "帮我导出…", "export …", "please export …" (common IME slips 到出/倒出 too).</summary>
    [GeneratedRegex(@"^(?:(?:请|麻烦|帮我|帮忙|给我|我要|我想)\s*)*(?:导出|到出|倒出|导岀)\s*|^(?:(?:please|pls|plz|can you|could you)\s+)*export(?:\s+|$)")]
    public static partial Regex LeadingTrigger();

    /// <summary>"全部导出", "统计表导出一下吧".</summary>
    [GeneratedRegex(@"\s*(?:导出|到出|倒出)(?:一下)?(?:吧|吗|呢)?$")]
    public static partial Regex TrailingTrigger();

    /// <summary>A year naming a past week: "2020", "2020年", "2020年度", "2020届".</summary>
    [GeneratedRegex(@"(?<![0-9])(20[0-9]{2})(?:年度|年|届)?(?![0-9])")]
    public static partial Regex Year();

    /// <summary>The recommendation package; matched before the others, so "推荐素材清单" is not the 媒体素材清单.</summary>
    [GeneratedRegex(@"推荐材料汇编|推荐素材清单|推荐材料|推荐素材|推荐|\brecommend(?:ations?|ed)?(?:\s+(?:package|materials?))?\b")]
    public static partial Regex Recommendation();

    [GeneratedRegex(@"全部文件|所有文件|所有表格|全部表格|全部|所有|全套|一切|\ball(?:\s+files)?\b|\beverything\b")]
    public static partial Regex All();

    [GeneratedRegex(@"活动周情况统计表|情况统计表|统计表|统记表|统计数据|统计|附件2|附件二|\bstatistics\b|\bstatistic\b|\bstats?\b")]
    public static partial Regex Statistics();

    [GeneratedRegex(@"活动方案与信息采集表|方案与信息采集表|信息采集表|采集表|方案汇总|活动方案|方案|计划表|计划|附件1|附件一|\bplans?(?:\s+info(?:rmation)?)?\b|\binfo(?:rmation)?(?:\s+form)?\b")]
    public static partial Regex PlanInfo();

    [GeneratedRegex(@"日报登记表|报送登记表|日报汇总|登记表|日报|登记|\bregist(?:er|ry)\b|\bdaily(?:\s+reports?)?\b|\breports?\b")]
    public static partial Regex ReportRegister();

    [GeneratedRegex(@"媒体素材清单|素材清单|媒体清单|照片清单|素材|媒体|照片|视频|\bmedia(?:\s+(?:index|list))?\b|\bphotos?\b|\bmaterials?\b")]
    public static partial Regex MediaIndex();

    [GeneratedRegex(@"活动周总结汇编|总结汇编|汇编|总结|\bsummar(?:y|ies)(?:\s+compilation)?\b|\bcompilation\b")]
    public static partial Regex SummaryCompilation();

    /// <summary>Chinese words with no meaning here ("一下", "本周的", "表格", "职业教育活动周").</summary>
    [GeneratedRegex(@"职业教育活动周|活动周|本周|本届|本次|今年|这届|一下|一份|表格|文件|给我|我要|我想|帮我|请|的|表|吧|吗|呢|了|和|与|及|还有|一起|都|最新|版")]
    public static partial Regex Filler();

    public static readonly HashSet<string> EnglishFiller = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "for", "of", "please", "pls", "me", "file", "files", "table", "tables", "sheet", "week", "this", "and",
        "as", "xlsx", "docx", "excel", "word", "to", "in", "from", "now", "list", "current", "latest", "also",
    };

    /// <summary>English words the commands use, for correcting typos ("exprot", "statistcs", "sumary").</summary>
    private static readonly string[] Vocabulary =
    [
        "export", "statistics", "statistic", "stats", "plans", "plan", "information", "register", "registry", "daily", "reports",
        "report", "media", "photos", "materials", "summary", "summaries", "compilation", "everything", "please", "recommendations",
        "recommend", "recommended", "package",
    ];

    private static readonly HashSet<string> Known = new(Vocabulary, StringComparer.Ordinal);

    /// <summary>Replaces a misspelt English word with the nearest known one (same first letter; 1 edit, 2 between long words).</summary>
    public static string CorrectTypos(string text) => AsciiWord().Replace(text, m =>
    {
        var word = m.Value;
        if (word.Length < 4 || Known.Contains(word) || EnglishFiller.Contains(word)) return word;
        // Two edits only between long words: "exporter" is not a slip of "export".
        return Typos.Nearest(word, Vocabulary, (w, candidate) => w.Length >= 8 && candidate.Length >= 8 ? 2 : 1);
    });

    [GeneratedRegex(@"[a-z]+")]
    private static partial Regex AsciiWord();
}
