using System.Text;
using System.Text.RegularExpressions;

namespace VocEdWeek.Bot.Words;

/// <summary>Typed text folded for matching: NFKC (full-width → half-width), lower case, punctuation and extra spaces gone.</summary>
public sealed partial record CommandText(string Original, string Folded)
{
    public static CommandText From(string text)
    {
        var folded = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        folded = Punctuation().Replace(folded, " ");
        folded = Spaces().Replace(folded, " ").Trim();
        return new CommandText(text, folded);
    }

    /// <summary>True when the folded text is exactly one of the phrases (after the same folding).</summary>
    public bool IsOneOf(params string[] phrases) => phrases.Any(p => From(p).Folded == Folded);

    [GeneratedRegex(@"[\p{P}\p{S}-[#@:/]]+")]
    private static partial Regex Punctuation();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
