using System.Globalization;
using System.Text;

namespace VocEdWeek.Bot.Files;

/// <summary>
/// Makes a user's file name safe for a local folder and for SharePoint: no path tricks, none of
/// SharePoint's refused characters or names, no emoji or control characters, not too long; Chinese kept.
/// </summary>
public static class FileNameCleaner
{
    /// <summary>Per segment; SharePoint allows 255 per name and 400 for the whole path, which leaves room for the folders.</summary>
    public const int MaxLength = 100;
    private static readonly string[] Reserved = ["CON", "PRN", "AUX", "NUL", "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "_vti_", "desktop.ini"];

    public static string Clean(string? name, string fallback = "file") => CleanCore(name, fallback, folder: false);

    /// <summary>A folder segment: same rules, but no extension handling (a "." in a week title is not an extension).</summary>
    public static string CleanSegment(string? name, string fallback = "_") => CleanCore(name, fallback, folder: true);

    private static string CleanCore(string? name, string fallback, bool folder)
    {
        var raw = (name ?? "").Normalize(NormalizationForm.FormC);
        // Only the last path segment counts: "../../etc/passwd" is "passwd".
        raw = raw.Replace('\\', '/');
        raw = raw[(raw.LastIndexOf('/') + 1)..];
        var sb = new StringBuilder(raw.Length);
        foreach (var rune in raw.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (rune.Value < 0x20 || "\"*:<>?|#%~&{}".Contains((char)Math.Min(rune.Value, 0xFFFF)) && rune.IsBmp) { sb.Append('_'); continue; }
            if (category is UnicodeCategory.OtherSymbol or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.Format or UnicodeCategory.Control) continue;
            if (!rune.IsBmp) continue; // emoji and other astral symbols
            sb.Append(rune.ToString());
        }
        var cleaned = sb.ToString().Trim().Trim('.', ' ');
        while (cleaned.Contains("..", StringComparison.Ordinal)) cleaned = cleaned.Replace("..", ".", StringComparison.Ordinal);
        while (cleaned.Contains("__", StringComparison.Ordinal)) cleaned = cleaned.Replace("__", "_", StringComparison.Ordinal);
        // Removed emoji leave gaps: "机电 🎓 学院" reads "机电 学院".
        while (cleaned.Contains("  ", StringComparison.Ordinal)) cleaned = cleaned.Replace("  ", " ", StringComparison.Ordinal);
        // SharePoint refuses any name containing "_vti_" (its own system folders).
        cleaned = cleaned.Replace("_vti_", "_vti-", StringComparison.OrdinalIgnoreCase);
        var stem = folder ? cleaned : Path.GetFileNameWithoutExtension(cleaned);
        var ext = folder ? "" : Path.GetExtension(cleaned);
        if (ext.Length > 10) { stem = cleaned; ext = ""; }
        if (string.IsNullOrWhiteSpace(stem.Trim('_', '.', ' '))
            || Reserved.Contains(stem, StringComparer.OrdinalIgnoreCase)
            || Reserved.Contains(cleaned, StringComparer.OrdinalIgnoreCase))
        {
            stem = fallback;
        }
        if (stem.Length + ext.Length > MaxLength) stem = stem[..(MaxLength - ext.Length)].TrimEnd('.', ' ');
        return stem + ext.ToLowerInvariant();
    }

    /// <summary>"a.jpg" → "a (2).jpg": the n-th alternative for a name that is taken (still within the length limit).</summary>
    public static string Numbered(string name, int n)
    {
        var stem = Path.GetFileNameWithoutExtension(name);
        var ext = Path.GetExtension(name);
        var suffix = $" ({n})";
        if (stem.Length + suffix.Length + ext.Length > MaxLength) stem = stem[..Math.Max(1, MaxLength - suffix.Length - ext.Length)].TrimEnd('.', ' ');
        return stem + suffix + ext;
    }
}
