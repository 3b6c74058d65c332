using System.Text.Json;
using System.Text.Json.Nodes;

namespace VocEdWeek.Bot.Tests.Cards;

/// <summary>Deep JSON equality (numbers by value, object key order ignored) that names the first differing path.</summary>
internal static class JsonAssert
{
    public static void Equal(JsonNode? expected, JsonNode? actual, string context = "")
    {
        var difference = FindDifference(expected, actual, "$");
        if (difference is not null)
        {
            Assert.Fail($"{context}JSON differs at {difference}\nexpected: {Show(expected)}\nactual:   {Show(actual)}");
        }
    }

    public static string Show(JsonNode? node) =>
        node?.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) ?? "null";

    private static string? FindDifference(JsonNode? a, JsonNode? b, string path)
    {
        switch (a, b)
        {
            case (null, null):
                return null;
            case (JsonObject oa, JsonObject ob):
                foreach (var key in oa.Select(p => p.Key).Union(ob.Select(p => p.Key)))
                {
                    if (!oa.ContainsKey(key) || !ob.ContainsKey(key)) return $"{path}.{key} (present on one side only)";
                    var d = FindDifference(oa[key], ob[key], $"{path}.{key}");
                    if (d is not null) return d;
                }
                return null;
            case (JsonArray xa, JsonArray xb):
                if (xa.Count != xb.Count) return $"{path} (length {xa.Count} vs {xb.Count})";
                for (var i = 0; i < xa.Count; i++)
                {
                    var d = FindDifference(xa[i], xb[i], $"{path}[{i}]");
                    if (d is not null) return d;
                }
                return null;
            case (JsonValue va, JsonValue vb):
                return ValuesEqual(va, vb) ? null : $"{path} ({va.ToJsonString()} vs {vb.ToJsonString()})";
            default:
                return $"{path} ({Show(a)} vs {Show(b)})";
        }
    }

    private static bool ValuesEqual(JsonValue a, JsonValue b)
    {
        if (a.GetValueKind() != b.GetValueKind()) return false;
        return a.GetValueKind() switch
        {
            JsonValueKind.Number => a.GetValue<double>() == b.GetValue<double>(),
            JsonValueKind.String => a.GetValue<string>() == b.GetValue<string>(),
            _ => true,
        };
    }
}
