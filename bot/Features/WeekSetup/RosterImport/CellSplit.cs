namespace VocEdWeek.Bot.Features.WeekSetup.RosterImport;

/// <summary>
/// Two people in one cell ("张伟、李明", "张伟,李明", "张伟/李明", "张伟 李明", or a line break), with their
/// e-mails, phones and roles split the same way and paired by position.
/// </summary>
internal static class CellSplit
{
    private static readonly char[] Separators = ['、', ',', ';', '/', '\n', '|'];
    private static readonly string[] BackupWords = ["b角", "备份", "备用", "副", "backup", "secondary"];
    private static readonly string[] PrimaryWords = ["a角", "主", "primary"];

    public static IReadOnlyList<string> Names(string cell)
    {
        var parts = Parts(cell);
        var result = new List<string>();
        foreach (var part in parts)
        {
            var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // "张伟 李明" is two people; "张  伟" is one two-character name spaced to line up with three-character ones.
            var twoPeople = words.Length > 1 && words.All(w => w.All(CellText.IsHan) && w.Length >= 2);
            if (twoPeople) result.AddRange(words);
            else result.Add(words.All(w => w.All(CellText.IsHan)) ? string.Concat(words) : string.Join(' ', words));
        }
        return result;
    }

    /// <summary>E-mails, phones or roles; spaces separate too when the separators alone give fewer parts than people.</summary>
    public static IReadOnlyList<string> Values(string cell, int people)
    {
        var parts = Parts(cell);
        if (parts.Count >= people || !parts.Any(p => p.Contains(' ', StringComparison.Ordinal))) return parts;
        return parts.SelectMany(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
    }

    /// <summary>
    /// True for a backup ("B角", "备份", "备用", "副…", "backup"), false for a primary ("A角", "主…"),
    /// null when the role says neither (the position then decides).
    /// </summary>
    public static bool? IsBackup(string? role)
    {
        var key = CellText.Key(role);
        if (key.Length == 0) return null;
        // Backup words first: "副主任" is a deputy, whatever "主" says.
        if (key == "b" || BackupWords.Any(w => key.Contains(w, StringComparison.Ordinal))) return true;
        if (key == "a" || PrimaryWords.Any(w => key.Contains(w, StringComparison.Ordinal))) return false;
        return null;
    }

    private static List<string> Parts(string cell) =>
        cell.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
