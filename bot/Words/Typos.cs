namespace VocEdWeek.Bot.Words;

/// <summary>Nearest-word correction for typed English commands ("exprot", "stauts", "mising").</summary>
public static class Typos
{
    /// <summary>
    /// The vocabulary word nearest to <paramref name="word"/> with the same first letter, within the edits
    /// <paramref name="allowedEdits"/> grants for that pair; the word itself when none is near enough.
    /// </summary>
    public static string Nearest(string word, IEnumerable<string> vocabulary, Func<string, string, int> allowedEdits)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in vocabulary)
        {
            var allowed = allowedEdits(word, candidate);
            if (candidate.Length == 0 || candidate[0] != word[0] || Math.Abs(candidate.Length - word.Length) > allowed) continue;
            var distance = EditDistance(word, candidate);
            if (distance <= allowed && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best ?? word;
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.</summary>
    public static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}
