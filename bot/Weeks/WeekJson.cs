using System.Text.Encodings.Web;
using System.Text.Json;

namespace VocEdWeek.Bot.Weeks;

/// <summary>The week file's JSON shape, shared by the loader, the database copy and "导出活动周设置".</summary>
public static class WeekJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
        // Chinese names stay readable in the exported file.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Write(WeekDefinition week) => JsonSerializer.Serialize(week, Options);

    public static WeekDefinition Read(string json) =>
        JsonSerializer.Deserialize<WeekDefinition>(json, Options) ?? throw new JsonException("empty week");
}
