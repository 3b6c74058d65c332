using System.Collections.Concurrent;
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

    /// <summary>Phrases kept folded: no command's words are more than a few hundred, so the bound only guards against misuse.</summary>
    private const int MaxFoldedPhrases = 4096;

    /// <summary>
    /// The commands' phrases, folded once. Every message is matched against the route table in order, and each command
    /// folded all its phrases again (Unicode normalization, lower case, two regular expressions) for every message.
    /// </summary>
    private static readonly ConcurrentDictionary<string, string> FoldedPhrases = new(StringComparer.Ordinal);

    /// <summary>True when the folded text is exactly one of the phrases (after the same folding).</summary>
    public bool IsOneOf(params ReadOnlySpan<string> phrases)
    {
        foreach (var phrase in phrases)
        {
            if (string.Equals(FoldedPhrase(phrase), Folded, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    private static string FoldedPhrase(string phrase)
    {
        if (FoldedPhrases.TryGetValue(phrase, out var folded)) return folded;
        folded = From(phrase).Folded;
        if (FoldedPhrases.Count < MaxFoldedPhrases) FoldedPhrases.TryAdd(phrase, folded);
        return folded;
    }

    [GeneratedRegex(@"[\p{P}\p{S}-[#@:/]]+")]
    private static partial Regex Punctuation();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
