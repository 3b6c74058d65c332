using System.Text;
using System.Text.RegularExpressions;

namespace VocEdWeek.Bot.Features.WeekSetup.Notice;

/// <summary>
/// A normalized notice: its lines as written (title, salutation, signature are line-shaped) and its sentences, with
/// the line breaks that page width put in the middle of a sentence (PDF, web copy) joined back.
/// </summary>
internal sealed partial class NoticeDocument
{
    // A wrapped line is nearly a full page width; headings and signature lines are short.
    private const int WrappedLineLength = 20;

    private NoticeDocument(IReadOnlyList<string> lines)
    {
        Lines = lines;
        Sentences = SentenceEnd().Split(Join(lines)).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
    }

    public IReadOnlyList<string> Lines { get; }

    public IReadOnlyList<string> Sentences { get; }

    /// <summary>All sentences, one a line (for matches that may span a heading and its text).</summary>
    public string Text => string.Join("\n", Sentences);

    public static NoticeDocument Parse(string raw) => new(NoticeNormalizer.Lines(raw));

    private static string Join(IReadOnlyList<string> lines)
    {
        var text = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            text.Append(lines[i]);
            if (i == lines.Count - 1) break;
            var wrapped = lines[i].Length >= WrappedLineLength && !EndsSentence().IsMatch(lines[i]) && !StartsItem().IsMatch(lines[i + 1]);
            text.Append(wrapped ? "" : "\n");
        }
        return text.ToString();
    }

    [GeneratedRegex(@"[。;；!?！？]$")]
    private static partial Regex EndsSentence();

    // "一、", "(一)", "1.", "(1)", "附件", "——": a new item starts, so the line before it was complete.
    [GeneratedRegex(@"^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十0-9]+\)|[0-9]+[.、]|附件|——|一一)")]
    private static partial Regex StartsItem();

    [GeneratedRegex(@"(?<=[。;；!?！？])|\n")]
    private static partial Regex SentenceEnd();
}
