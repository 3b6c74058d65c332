using System.Text.Json;
using VocEdWeek.Bot.Conversation;

namespace VocEdWeek.Bot.Protocol;

/// <summary>
/// Reads the value of a <c>fileConsent/invoke</c>: <c>{type:"fileUpload", action:"accept"|"decline", context,
/// uploadInfo:{name, uploadUrl, contentUrl, uniqueId, fileType}}</c>. Anything else is null (the app then says so).
/// </summary>
public static class FileConsentValue
{
    public static FileConsentAnswer? From(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Object } v) return null;
        if (Str(v, "type") is { } type && !string.Equals(type, "fileUpload", StringComparison.OrdinalIgnoreCase)) return null;
        var accepted = Str(v, "action")?.ToLowerInvariant() switch
        {
            "accept" => true,
            "decline" => false,
            _ => (bool?)null,
        };
        if (accepted is null) return null;
        var context = new Dictionary<string, string>(StringComparer.Ordinal);
        if (v.TryGetProperty("context", out var c) && c.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in c.EnumerateObject())
            {
                if (p.Value.ValueKind == JsonValueKind.String) context[p.Name] = p.Value.GetString()!;
            }
        }
        FileUploadTarget? upload = null;
        if (v.TryGetProperty("uploadInfo", out var u) && u.ValueKind == JsonValueKind.Object && Str(u, "uploadUrl") is { Length: > 0 } url)
        {
            upload = new FileUploadTarget(Str(u, "name") ?? "", url, Str(u, "contentUrl"), Str(u, "uniqueId"), Str(u, "fileType"));
        }
        // An accept without somewhere to upload cannot be acted on.
        if (accepted == true && upload is null) return null;
        return new FileConsentAnswer(accepted.Value, context, upload);
    }

    private static string? Str(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
}
