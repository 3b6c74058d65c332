using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VocEdWeek.Bot.Cards.Templating;

/// <summary>Moves values between System.Text.Json nodes and the JavaScript value model, like JSON.parse/stringify.</summary>
internal static class JsJson
{
    public static object? FromNode(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonObject obj:
                var o = new JsObject(obj.Count);
                foreach (var (key, value) in obj) o[key] = FromNode(value);
                return o;
            case JsonArray arr:
                var list = new List<object?>(arr.Count);
                foreach (var item in arr) list.Add(FromNode(item));
                return list;
            default:
                var v = node.AsValue();
                return v.GetValueKind() switch
                {
                    JsonValueKind.String => v.GetValue<string>(),
                    // An int (a version, a count) is exact as a double; anything else goes through its JSON text.
                    JsonValueKind.Number => v.TryGetValue<int>(out var i) ? (double)i
                        : double.Parse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture),
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    _ => null,
                };
        }
    }

    /// <summary>Like JSON.stringify: undefined properties are left out, undefined array items and NaN/Infinity become null.</summary>
    public static JsonNode? ToNode(object? value)
    {
        switch (value)
        {
            case null or JsUndefined:
                return null;
            case JsonNode node: // an object the expander already made as it goes out (TemplateExpander.ExpandProperties)
                return node;
            case bool b:
                return JsonValue.Create(b);
            case double d:
                return double.IsFinite(d) ? JsonValue.Create(d == 0 ? 0d : d) : null;
            case string s:
                return JsonValue.Create(s);
            case List<object?> list:
                var arr = new JsonArray();
                foreach (var item in list) arr.Add(ToNode(item));
                return arr;
            case JsObject obj:
                var o = new JsonObject();
                foreach (var (key, item) in obj)
                {
                    if (item is not JsUndefined) o[key] = ToNode(item);
                }
                return o;
            default:
                throw new InvalidOperationException($"Unexpected template value of type {value.GetType().Name}.");
        }
    }

    /// <summary>JSON.parse; throws <see cref="JsonException"/> on invalid JSON. Duplicate keys: the last one wins.</summary>
    public static object? Parse(string text)
    {
        using var doc = JsonDocument.Parse(text);
        return FromElement(doc.RootElement);
    }

    private static object? FromElement(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => e.EnumerateObject().Aggregate(new JsObject(), (o, p) => { o[p.Name] = FromElement(p.Value); return o; }),
        JsonValueKind.Array => e.EnumerateArray().Select(FromElement).ToList(),
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number => double.Parse(e.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    /// <summary>JSON.stringify for a value that is not undefined.</summary>
    public static string Stringify(object? value)
    {
        var sb = new StringBuilder();
        Write(sb, value);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, object? value)
    {
        switch (value)
        {
            case null or JsUndefined:
                sb.Append("null");
                break;
            case bool b:
                sb.Append(b ? "true" : "false");
                break;
            case double d:
                sb.Append(double.IsFinite(d) ? JsNumber.ToString(d) : "null");
                break;
            case string s:
                WriteString(sb, s);
                break;
            case List<object?> list:
                sb.Append('[');
                for (var i = 0; i < list.Count; i++)
                {
                    if (i > 0) sb.Append(',');
                    Write(sb, list[i]);
                }
                sb.Append(']');
                break;
            case JsObject obj:
                sb.Append('{');
                var first = true;
                foreach (var (key, item) in obj)
                {
                    if (item is JsUndefined) continue;
                    if (!first) sb.Append(',');
                    first = false;
                    WriteString(sb, key);
                    sb.Append(':');
                    Write(sb, item);
                }
                sb.Append('}');
                break;
            default:
                throw new InvalidOperationException($"Unexpected template value of type {value.GetType().Name}.");
        }
    }

    private static void WriteString(StringBuilder sb, string s)
    {
        sb.Append('"');
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    var loneSurrogate = char.IsHighSurrogate(c) ? i + 1 >= s.Length || !char.IsLowSurrogate(s[i + 1])
                        : char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(s[i - 1]));
                    if (c < ' ' || loneSurrogate) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }
}
