using System.Text;
using System.Text.RegularExpressions;

namespace VocEdWeek.Bot.Cards;

/// <summary>
/// Text that people typed (liaisons' reports, file names, names from Teams), made safe to show where Teams renders
/// markdown: Adaptive Card TextBlocks and Fact values, and the bot's chat messages. The bot posts under its own name to
/// the office, so a liaison's <c>[点击领取奖励](https://evil.example)</c> must stay text, not become a link the bot vouches for.
/// Every such place goes through <see cref="Escape"/>; input values (what a form shows for editing) are not markdown and
/// are never escaped.
/// </summary>
public static partial class PlainText
{
    /// <summary>
    /// Backslash-escapes the markdown that Teams renders (links, emphasis, code, headings, quotes, lists, tables) and
    /// breaks bare web addresses with an invisible word joiner so that no client turns them into links — Teams is known
    /// to autolink bare URLs in messages, and the Adaptive Cards documentation promises nothing either way for TextBlocks.
    /// What a reader sees is what was typed.
    /// </summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var escaped = new StringBuilder(text.Length + 16);
        var lineStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\n' or '\r')
            {
                escaped.Append(c);
                lineStart = true;
                continue;
            }
            if (lineStart && c is ' ' or '\t')
            {
                escaped.Append(c);
                continue;
            }
            if (NeedsEscape(text, i, lineStart)) escaped.Append('\\');
            escaped.Append(c);
            lineStart = false;
        }
        return BareLink().Replace(escaped.ToString(), m => m.Value.Insert(m.Groups["cut"].Index - m.Index, WordJoiner));
    }

    /// <summary>U+2060: invisible and unbreakable, but no longer "https://" or "www." to a link detector.</summary>
    private const string WordJoiner = "\u2060";

    private static bool NeedsEscape(string text, int i, bool lineStart)
    {
        var c = text[i];
        switch (c)
        {
            // Anywhere: links and images ([x](y), ![x](y)), emphasis, code, raw HTML-ish mentions, tables, strike.
            case '\\' or '[' or ']' or '*' or '`' or '<' or '>' or '|' or '~':
                return true;
            // "_" opens or closes emphasis only at a word's edge; file_names_like_this stay as they are.
            case '_':
                return i == 0 || i == text.Length - 1 || !char.IsLetterOrDigit(text[i - 1]) || !char.IsLetterOrDigit(text[i + 1]);
            // At a line's start: headings ("# ", "===" and "---" under a line), bullet lists ("- ", "+ "), numbered lists ("1. ").
            case '#' or '-' or '+' or '=':
                return lineStart;
            case '.' or ')':
                return OnlyDigitsBefore(text, i);
            default:
                return false;
        }
    }

    /// <summary>"12." at a line's start (after spaces) would start a numbered list.</summary>
    private static bool OnlyDigitsBefore(string text, int i)
    {
        var j = i - 1;
        while (j >= 0 && char.IsAsciiDigit(text[j])) j--;
        if (j == i - 1) return false;
        while (j >= 0 && text[j] is ' ' or '\t') j--;
        return j < 0 || text[j] is '\n' or '\r';
    }

    /// <summary>The place to cut in "http://", "https://", "ftp://" (before the colon) and "www." (before the dot).</summary>
    [GeneratedRegex(@"(?i)\b(?:https?|ftp)(?<cut>:)//|\bwww(?<cut>\.)")]
    private static partial Regex BareLink();
}
