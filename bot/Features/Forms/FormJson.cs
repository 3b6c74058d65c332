using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VocEdWeek.Bot.Features.Forms;

/// <summary>Stored form data as JSON (camelCase, Chinese kept readable), and helpers for template values.</summary>
public static class FormJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)!;

    /// <summary>A value as text: strings as they are, numbers in invariant form, "" for null.</summary>
    public static string Text(JsonObject values, string key) => values[key] switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v => v.ToJsonString(),
        _ => "",
    };

    /// <summary>An Input.Number value: the number when the text is one, else "" (the card cannot show other text).</summary>
    public static JsonNode Number(string raw) =>
        decimal.TryParse(raw.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? JsonValue.Create(d) : JsonValue.Create("");

    public static JsonNode Number(long? value) => value is { } n ? JsonValue.Create(n) : JsonValue.Create("");
}
