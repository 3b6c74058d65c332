using System.Text.Json;
using System.Text.Unicode;

namespace VocEdWeek.Bot.Protocol;

/// <summary>
/// Checks a body before it is bound: valid UTF-8, every string and name decodable (no lone surrogate escapes such
/// as <c>"\ud800"</c>), and nesting within reason. Card data stays a JsonElement that features read much later,
/// outside the turn's error handling; a string there that cannot be read would throw at that point, so it is
/// refused here, before anything runs.
/// </summary>
public static class WireText
{
    public const int MaxDepth = 32;

    public static bool IsReadable(ReadOnlySpan<byte> body)
    {
        if (!Utf8.IsValid(body)) return false;
        var reader = new Utf8JsonReader(body, new JsonReaderOptions
        {
            MaxDepth = MaxDepth,
            AllowTrailingCommas = true,
            CommentHandling = JsonCommentHandling.Skip,
        });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped) reader.GetString();
            }
            return true;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>True when <paramref name="s"/> holds a half of a surrogate pair on its own (text LiteDB and JSON writers mangle or refuse).</summary>
    public static bool HasLoneSurrogate(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) i++;
            else if (char.IsSurrogate(s[i])) return true;
        }
        return false;
    }
}
