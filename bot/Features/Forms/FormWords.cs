using System.Text.RegularExpressions;
using VocEdWeek.Bot.Handlers;
using VocEdWeek.Bot.Words;

namespace VocEdWeek.Bot.Features.Forms;

/// <summary>
/// Loose command wording: "我要填日报", "请打开计划", "fill in the plan", "show my submissions" all come
/// down to the command word once polite and action words around it are dropped.
/// </summary>
public static partial class FormWords
{
    public static readonly string[] Plan =
        ["plan", "plan form", "the plan", "information form", "计划", "方案", "活动方案", "活动计划", "信息采集表", "方案与信息采集表", "方案和信息采集表", "附件1", "附件一"];

    public static readonly string[] Report =
        ["report", "daily report", "daily", "日报", "今日报送", "每日报送", "报送", "每日材料", "今日材料", "日报表"];

    public static readonly string[] Statistics =
        ["stats", "statistics", "statistics table", "统计", "统计表", "情况统计表", "活动周情况统计表", "附件2", "附件二"];

    public static readonly string[] Summary =
        ["summary", "the summary", "总结", "活动总结", "活动周总结", "工作总结"];

    public static readonly string[] Mine =
        ["my submissions", "submissions", "my reports", "mine", "my status", "我的提交", "我的报送", "提交记录", "报送记录", "我交了什么", "我的"];

    public static bool Matches(CommandText text, string[] phrases)
    {
        if (text.IsOneOf(phrases)) return true;
        var stripped = Stripped(text.Folded);
        return stripped != text.Folded && CommandText.From(stripped).IsOneOf(phrases);
    }

    /// <summary>The folded text without leading "我要/请/填写/open/fill in…" and trailing "吧/一下".</summary>
    public static string Stripped(string folded)
    {
        string previous;
        do
        {
            previous = folded;
            folded = Prefixes().Replace(folded, "").Trim();
            folded = Suffixes().Replace(folded, "").Trim();
        }
        while (folded != previous && folded.Length > 0);
        return folded;
    }

    [GeneratedRegex(@"^(?:我要|我想|我来|请|帮我|麻烦|开始|补交|补报|补填|填写|填报|填|写|提交|上报|打开|查看|看看|看|新建|修改|编辑|一下|i want to|i'd like to|please|let me|can i|open|fill in|fill out|fill|submit|send|show me|show|start|new|edit|view|see|the|my)\s*")]
    private static partial Regex Prefixes();

    [GeneratedRegex(@"\s*(?:吧|一下|了|呢|please|pls)$")]
    private static partial Regex Suffixes();
}
