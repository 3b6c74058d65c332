using System.Text;
using System.Text.Json;

namespace VocEdWeek.Bot.Weeks;

/// <summary>Maps JSON paths (<c>$.departments[2].liaisons[0].email</c>) to 1-based line numbers, for error messages.</summary>
public sealed class JsonLineMap
{
    private readonly Dictionary<string, int> _lines = new(StringComparer.Ordinal);

    public JsonLineMap(byte[] utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var stack = new Stack<(string Path, int Index, bool IsArray)>();
        string? pending = null;
        var lineStarts = LineStarts(utf8);
        while (reader.Read())
        {
            var line = LineOf(lineStarts, (int)reader.TokenStartIndex);
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    pending = $"{stack.Peek().Path}.{reader.GetString()}";
                    _lines.TryAdd(pending, line);
                    break;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    var path = NextPath(stack, ref pending, line);
                    stack.Push((path, 0, reader.TokenType == JsonTokenType.StartArray));
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    stack.Pop();
                    break;
                default:
                    NextPath(stack, ref pending, line);
                    break;
            }
        }
    }

    /// <summary>The line of the path, or of its nearest parent that is in the file.</summary>
    public int LineOf(string path)
    {
        while (path.Length > 0)
        {
            if (_lines.TryGetValue(path, out var line)) return line;
            var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
            if (cut <= 0) break;
            path = path[..cut];
        }
        return 1;
    }

    private string NextPath(Stack<(string Path, int Index, bool IsArray)> stack, ref string? pending, int line)
    {
        string path;
        if (stack.Count == 0) path = "$";
        else if (stack.Peek().IsArray)
        {
            var top = stack.Pop();
            path = $"{top.Path}[{top.Index}]";
            stack.Push((top.Path, top.Index + 1, true));
        }
        else path = pending ?? stack.Peek().Path;
        pending = null;
        _lines.TryAdd(path, line);
        return path;
    }

    private static List<int> LineStarts(byte[] utf8)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < utf8.Length; i++) if (utf8[i] == (byte)'\n') starts.Add(i + 1);
        return starts;
    }

    private static int LineOf(List<int> starts, int offset)
    {
        var index = starts.BinarySearch(offset);
        return (index >= 0 ? index : ~index - 1) + 1;
    }

    public static string Describe(string path) => path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;

    internal static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);
}
