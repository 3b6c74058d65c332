using System.Text.RegularExpressions;

namespace VocEdWeek.Bot.Features.WeekSetup.Notice;

/// <summary>
/// The names a notice gives: its own title ("关于做好2020年山东省职业教育活动周相关工作的通知", never one it quotes in
/// 《》), its theme, the school running the week and the collecting office.
/// </summary>
internal static partial class NoticeNames
{
    /// <summary>The notice's own "关于…YYYY年…职业教育活动周…" title: its year, and a place named before 职业教育活动周.</summary>
    public static (int Year, string? Place)? OwnTitle(NoticeDocument doc)
    {
        var text = doc.Text;
        foreach (Match m in OwnTitleLine().Matches(text))
        {
            if (InsideBookTitle(text, m.Index)) continue;
            var place = m.Groups["place"].Value;
            return (NoticeDate.Number(m.Groups["y"])!.Value, Place().IsMatch(place) ? place : null);
        }
        return null;
    }

    /// <summary>"主题：…" / "主题为“…”"; else a quoted phrase followed by 主题 ("围绕“…”主题").</summary>
    public static string? Theme(NoticeDocument doc)
    {
        var m = doc.Sentences.Select(s => ThemeLabel().Match(s)).FirstOrDefault(x => x.Success)
                ?? doc.Sentences.Select(s => QuotedTheme().Match(s)).FirstOrDefault(x => x.Success);
        var theme = m?.Groups["t"].Value.Trim().TrimEnd('。', '.', ',', ';', '，', '；');
        return string.IsNullOrEmpty(theme) ? null : ChinesePunctuation(theme);
    }

    /// <summary>
    /// NFKC made every comma ASCII; a theme is shown in Chinese text, so punctuation between Chinese characters is
    /// written full-width again ("一技在手，一生无忧", as the week files have it).
    /// </summary>
    public static string ChinesePunctuation(string value) =>
        HalfWidthBetweenHan().Replace(value, m => m.Value switch { "," => "，", ";" => "；", ":" => "：", "!" => "！", "?" => "？", _ => m.Value });

    private static bool InsideBookTitle(string text, int index) => text.LastIndexOf('《', index) > text.LastIndexOf('》', index);

    [GeneratedRegex(@"关于[^。《》\n]{0,12}?(?<y>[0-9]{4})年(?<place>\p{IsCJKUnifiedIdeographs}{0,8}?)职业教育活动周[^。《》\n]{0,16}?通知")]
    private static partial Regex OwnTitleLine();

    // "山东省", "无锡市", "滨湖区"; not "我校", "全省" (those just mean "our").
    [GeneratedRegex(@"^(?!全|本|我)\p{IsCJKUnifiedIdeographs}{1,7}(?:省|市|区|县|州|自治区)$")]
    private static partial Regex Place();

    [GeneratedRegex(@"主题\s*(?::|为|是)\s*(?:[“""「『](?<t>[^”""」』\n]{2,40})[”""」』]|(?<t>[^。;\n“”""]{2,40}))")]
    private static partial Regex ThemeLabel();

    [GeneratedRegex(@"[“""](?<t>[^”""\n]{2,30})[”""]\s*(?:的)?主题")]
    private static partial Regex QuotedTheme();

    [GeneratedRegex(@"(?<=\p{IsCJKUnifiedIdeographs})[,;:!?](?=\p{IsCJKUnifiedIdeographs})")]
    private static partial Regex HalfWidthBetweenHan();
}
