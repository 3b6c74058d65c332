using System.Text.RegularExpressions;

namespace VocEdWeek.Bot.Cards.Templating;

/// <summary>
/// adaptive-expressions' SimpleObjectMemory.getValue: a path string such as <c>a.b[0]['k']</c> is split
/// on <c>.</c>, <c>[</c> and <c>]</c>, quotes are stripped, and each part is looked up; property names
/// match ignoring case, and anything missing or out of range gives undefined.
/// </summary>
internal static partial class MemoryPath
{
    public static object? Get(object? root, string path)
    {
        if (root is JsUndefined || path.Length == 0) return JsUndefined.Value;
        return Walk(root, Split(path), 0);
    }

    /// <summary>The path split once: a template's constant paths (<c>${title}</c>) are split when first used, not per render.</summary>
    public static SplitPath Split(string path)
    {
        var parts = Separators().Split(path).Where(raw => raw.Length > 0).Select(Unquote).ToArray();
        return new SplitPath(path, parts, [.. parts.Select(JsNumber.ParseInt)]);
    }

    /// <summary>Looks up the parts from <paramref name="from"/> on, starting at <paramref name="current"/>; none left gives undefined.</summary>
    public static object? Walk(object? current, SplitPath path, int from)
    {
        object? value = JsUndefined.Value;
        for (var i = from; i < path.Parts.Length; i++)
        {
            var index = path.Indexes[i];
            if (!double.IsNaN(index) && current is List<object?> list)
            {
                if (index < 0 || index >= list.Count) return JsUndefined.Value;
                value = list[(int)index];
            }
            else
            {
                value = Property(current, path.Parts[i]);
            }
            current = value;
        }
        return value;
    }

    /// <summary>accessProperty: undefined for a falsy instance; strings expose their characters by index.</summary>
    public static object? Property(object? instance, string name)
    {
        if (!JsString.IsTruthy(instance)) return JsUndefined.Value;
        return instance switch
        {
            JsObject obj => obj.GetIgnoreCase(name),
            string s when IsCanonicalIndex(name, s.Length, out var i) => s[i].ToString(),
            List<object?> list when IsCanonicalIndex(name, list.Count, out var i) => list[i],
            _ => JsUndefined.Value,
        };
    }

    private static bool IsCanonicalIndex(string name, int length, out int index)
    {
        index = -1;
        if (name.Length == 0 || name.Length > 9 || !name.All(char.IsAsciiDigit) || (name.Length > 1 && name[0] == '0')) return false;
        index = int.Parse(name, System.Globalization.CultureInfo.InvariantCulture);
        return index < length;
    }

    private static string Unquote(string part)
    {
        if ((part.StartsWith('"') && part.EndsWith('"')) || (part.StartsWith('\'') && part.EndsWith('\'')))
        {
            return part.Length >= 2 ? part[1..^1] : "";
        }
        return part;
    }

    [GeneratedRegex(@"[.\[\]]+")]
    private static partial Regex Separators();
}

/// <summary>A path's text, its parts (unquoted, empty ones left out) and each part's parseInt (NaN when not a number).</summary>
internal sealed record SplitPath(string Text, string[] Parts, double[] Indexes);
