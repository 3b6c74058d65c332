using VocEdWeek.Bot.Words;

namespace VocEdWeek.Bot.Features.Recommend;

/// <summary>
/// The command words: "择优推荐" (office staff) and "自荐" (liaisons), each alone or followed by a day and, for the office,
/// a department. Whatever follows the word is handed back for <see cref="RecommendArgs"/>.
/// </summary>
public static class RecommendWords
{
    private static readonly string[] Recommend = ["择优推荐", "推荐材料", "推荐", "recommend", "recommendations"];
    private static readonly string[] Nominate = ["我要自荐", "自荐", "nominate", "nominations"];

    /// <summary>The text after the command word, or null when the text is not this command.</summary>
    public static string? RecommendRest(CommandText text) => Rest(text, Recommend);

    public static string? NominateRest(CommandText text) => Rest(text, Nominate);

    private static string? Rest(CommandText text, string[] words)
    {
        var typed = text.Original.Normalize(System.Text.NormalizationForm.FormKC).Trim();
        foreach (var word in words)
        {
            if (!typed.StartsWith(word, StringComparison.OrdinalIgnoreCase)) continue;
            var rest = typed[word.Length..];
            // An English word must end at a word boundary ("picked" is not "pick"); Chinese words need no space.
            if (rest.Length > 0 && char.IsAsciiLetter(word[^1]) && char.IsAsciiLetterOrDigit(rest[0])) continue;
            return rest.Trim();
        }
        return null;
    }
}
