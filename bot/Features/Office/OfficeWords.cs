using System.Text.RegularExpressions;

namespace VocEdWeek.Bot.Features.Office;

/// <summary>
/// The words of office questions, as patterns over folded text (NFKC, lower case, no punctuation, no spaces
/// between Chinese characters). Longer and more specific phrases come first; every phrase a pattern claims
/// is taken out of the question, and what is left over decides whether the question was understood.
/// </summary>
public static partial class OfficeWords
{
    /// <summary>"本周", "这一周", "整个活动周", "this week", but not "本周日" (a Sunday) — "本周日报" is this week's reports.</summary>
    [GeneratedRegex(@"(?:本|这一|这个|这|整个|整|全)\s*(?:周|星期|礼拜)(?![一二三四五六天1-7]|日(?!报))|整个活动周|活动周期间|一周以来|这几天|这些天|全周|一周|七天|每一天|每天|\b(?:this|whole|entire|all|the)\s+week\b|\bweekly\b|\bevery\s*day\b|\beach\s+day\b|\ball\s+days\b")]
    public static partial Regex WholeWeek();

    /// <summary>Item names that contain other words ("情况统计表" holds "情况") and "统计一下" (tally up, not the statistics table).</summary>
    [GeneratedRegex(@"活动方案与信息采集表|方案与信息采集表|方案和信息采集表|信息采集表|采集表")]
    public static partial Regex LongPlan();

    [GeneratedRegex(@"活动周情况统计表|情况统计表")]
    public static partial Regex LongStatistics();

    [GeneratedRegex(@"活动周总结|活动总结|工作总结|总结报告")]
    public static partial Regex LongSummary();

    [GeneratedRegex(@"每日报送|每日材料|今日材料|日报表|日报")]
    public static partial Regex LongDaily();

    [GeneratedRegex(@"统计一下|统计下|总结一下|汇总一下")]
    public static partial Regex Tally();

    /// <summary>Who has not handed in: 没交/未报送/还没提交/缺交/漏报/交齐了吗/催一下; hasn't reported, missing, outstanding, remind.</summary>
    [GeneratedRegex(@"(?:没有?|未能?|尚未|还没有?|还未|没能)(?:提交|报送|上报|上交|填报|填写|报上来|交上来|交齐|报齐|交全|保送|报到|报道|上传|提供|发来|发过来|交|报|填|发|叫|缴)"
        + @"|缺(?:交|报|了?谁|哪|几|多少)|漏(?:交|报)|欠(?:交|报)|还差|差(?:谁|哪|几|多少)"
        + @"|(?:提交|报送|上报|填报|交|报)(?:齐|全|完)?了(?:吗|没有?|么)?|(?:交|报)(?:齐|全|完)(?:吗|没有?|么)?|(?:交|报)没(?:交|报)|(?:齐|全)了(?:吗|没有?|么)"
        + @"|是否(?:都)?(?:已)?(?:提交|报送|上报|交|报)|有没有(?:人|学院|部门)?没?(?:提交|报送|交|报)"
        + @"|未报名单|未交名单|催(?:一下|一催|报|交|办|促|催|他们)?"
        + @"|\b(?:missing|outstanding|overdue|pending|late|unsubmitted|unreported|remind|reminders?|chase|nudge|owe|owes|owing|laggards?|stragglers?|absent|delinquent|left)\b"
        + @"|\b(?:hasn\s?t|has not|haven\s?t|have not|didn\s?t|did not|not yet|yet to|still to|isn\s?t|aren\s?t|not)\s+(?:(?:yet|already|been|sent|handed|turned)\s+)*(?:submit(?:ted)?|report(?:ed)?|sent|send|hand(?:ed)?|turn(?:ed)?|file(?:d)?|done|deliver(?:ed)?|upload(?:ed)?|complete(?:d)?|finish(?:ed)?|received|in)\b")]
    public static partial Regex Missing();

    /// <summary>How far along: 进度/完成情况/情况/汇总/多少; status, progress, overview, how many.</summary>
    [GeneratedRegex(@"进度|进展|完成情况|完成率|完成度|报送率|提交率|上报率|统计情况|情况|状态|状况|概况|概览|总览|汇总|一览|全貌|多少|几个|几家|百分比|比例|谁交了|谁报了|已提交|已报送|已交|已报"
        + @"|\b(?:status|state|progress|overview|dashboard|tally|completion|how many|how far|where are we|how are we doing|how is it going|how s it going)\b"
        + @"|\bwho\s+(?:has\s+|have\s+)?(?:already\s+)?(?:submitted|reported|sent|handed in|turned in)\b")]
    public static partial Regex Progress();

    [GeneratedRegex(@"计划表|计划书|活动方案|活动计划|方案|计划|附件1|附件一|\b(?:activity\s+)?plans?\b|\bplanning\b|\binfo(?:rmation)?\s+form\b|\b(?:annex|attachment)\s*1\b")]
    public static partial Regex Plan();

    [GeneratedRegex(@"统计表|统计数据|统记表|统计|统记|附件2|附件二|数据表|\bstatistics(?:\s+table)?\b|\bstatistic\b|\bstats?\b|\b(?:annex|attachment)\s*2\b")]
    public static partial Regex Statistics();

    [GeneratedRegex(@"总结|小结|\bsummar(?:y|ies)\b|\bwrap\s*up\b|\bfinal\s+report\b")]
    public static partial Regex Summary();

    [GeneratedRegex(@"报送|简报|\bdaily(?:\s+reports?)?\b|\breports?\b|\breporting\b|\bsubmissions?\b")]
    public static partial Regex Daily();

    /// <summary>Words that carry no meaning here: politeness, question words, "departments", "the bot", 的/了/吗 …</summary>
    [GeneratedRegex(@"职教活动周助手|活动周助手|请告诉我|告诉我|我想知道|我想看|想知道|帮我看看|帮我查|帮忙|帮我|麻烦|请问|请|给我|看一下|看一看|看看|看下|查看|查询|查一下|查下|查|看|显示|列出|列一下|发一下|一下"
        + @"|目前为止|到目前|截至目前|截至|截止到|截止|为止|目前|现在|当前|眼下|已经|还有|还剩|剩下|一共|总共|仍然|依然|到底|究竟"
        + @"|二级学院|学院|院系|部门|单位|系部|联络员|老师|名单|列表|清单|哪些|哪几个|哪几家|哪个|哪家|哪|谁|各个|各|所有|全部|我们|你们|他们"
        + @"|助手|机器人|你好|您好|的|了|吗|呢|吧|啊|呀|哦|么|嘛|还|都|仍|尚|有|是|在|已|些|人|个|家|一|下|那|这|和|与|及|以及|又|再|里|中|内|期间|我|你|您|共|好|呗|吖|哈|要|份|项|表")]
    public static partial Regex ChineseFiller();

    /// <summary>English words with no meaning here (after apostrophes became spaces: "hasn t", "who s").</summary>
    public static readonly HashSet<string> EnglishFiller = new(StringComparer.Ordinal)
    {
        "who", "whos", "which", "what", "whats", "is", "are", "was", "were", "be", "been", "the", "a", "an", "for", "on", "of",
        "in", "from", "to", "yet", "still", "so", "far", "by", "now", "currently", "please", "pls", "plz", "show", "me", "us",
        "tell", "give", "list", "get", "check", "let", "see", "department", "departments", "dept", "depts", "college", "colleges",
        "school", "schools", "faculty", "faculties", "unit", "units", "has", "have", "had", "we", "our", "i", "my", "bot", "hi",
        "hey", "hello", "ok", "okay", "can", "you", "could", "would", "about", "it", "any", "anyone", "anybody", "everyone",
        "everybody", "all", "there", "else", "one", "ones", "do", "does", "did", "with", "and", "or", "at", "up", "as", "this",
        "that", "these", "those", "how", "many", "much", "again", "just", "quick", "quickly", "need", "know", "want", "like",
        "view", "display", "current", "latest", "day", "days", "s", "t", "them", "they", "their", "someone", "people", "liaison",
        "liaisons", "team", "teams", "thanks", "thank", "already", "form", "forms", "whom", "whose", "its", "here", "info",
        "details", "detail", "full", "overall", "entire", "whole", "submitted", "handed", "sent",
    };

    /// <summary>Leftover words that show the question is about something else (filling in, settings, files): never answered with a list.</summary>
    [GeneratedRegex(@"填|写|上传|下载|导出|设置|设为|修改|删除|编辑|取消|打开|密码|登录|照片|视频|文件|免报|\b(?:fill|write|upload|download|export|edit|delete|cancel|open|set|settings|configure|password|photos?|videos?|files?|exempt|help)\b")]
    public static partial Regex Veto();

    /// <summary>"how do I …", "如何使用": a how-to question, answered by help.</summary>
    [GeneratedRegex(@"\bhow\s+(?:do|can|to|should)\b|怎么用|如何使用|怎样使用|怎么操作|如何操作")]
    public static partial Regex HowTo();

    /// <summary>English words the parser knows, for correcting typos ("stauts", "mising", "sumary", "yestarday").</summary>
    public static readonly string[] EnglishVocabulary =
    [
        "status", "state", "progress", "overview", "dashboard", "completion", "missing", "outstanding", "overdue", "pending",
        "remind", "reminder", "reminders", "chase", "nudge", "unsubmitted", "unreported", "submitted", "submit", "reported",
        "report", "reports", "reporting", "delivered", "uploaded", "completed", "finished", "received", "haven", "havent",
        "hasn", "hasnt", "didnt", "plan", "plans", "planning", "information", "statistics", "statistic", "stats", "summary",
        "summaries", "daily", "submissions", "submission", "today", "yesterday", "tomorrow", "monday", "tuesday", "wednesday",
        "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "june", "july", "august",
        "september", "october", "november", "december", "week", "whole", "entire", "every", "department", "departments",
        "college", "colleges", "school", "schools", "please", "which", "still", "already", "laggards", "stragglers",
    ];
}
