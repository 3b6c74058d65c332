using System.Text.Json;

namespace VocEdWeek.Bot.Protocol.Connector;

/// <summary>
/// The code and message of a connector error body. Two shapes occur (protocol.md §3.2):
/// <c>{"error":{"code","message"}}</c> and the per-user block report
/// <c>{"errorCode":209,"message":"{… \"subCode\": \"MessageWritesBlocked\" …}"}</c>.
/// </summary>
public sealed record ConnectorError(string? Code, string? Message)
{
    private const int MaxMessageLength = 500;

    public static ConnectorError Parse(string body)
    {
        if (string.IsNullOrWhiteSpace(body)) return new ConnectorError(null, null);
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return Raw(body);
            if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
                return new ConnectorError(Text(error, "code"), Clip(Text(error, "message")));
            if (root.TryGetProperty("errorCode", out var errorCode))
                return FromErrorCode(errorCode, Text(root, "message"));
            return new ConnectorError(Text(root, "code"), Clip(Text(root, "message")) ?? Clip(body));
        }
        catch (JsonException)
        {
            return Raw(body);
        }
    }

    private static ConnectorError FromErrorCode(JsonElement errorCode, string? message)
    {
        // The message is itself JSON with the real reason in subCode (e.g. MessageWritesBlocked).
        if (message is not null)
        {
            try
            {
                using var inner = JsonDocument.Parse(message);
                if (inner.RootElement.ValueKind == JsonValueKind.Object && Text(inner.RootElement, "subCode") is { Length: > 0 } subCode)
                    return new ConnectorError(subCode, Clip(Text(inner.RootElement, "details") ?? message));
            }
            catch (JsonException)
            {
            }
        }
        var code = errorCode.ValueKind == JsonValueKind.String ? errorCode.GetString() : errorCode.GetRawText();
        return new ConnectorError(code, Clip(message));
    }

    private static ConnectorError Raw(string body) => new(null, Clip(body));

    private static string? Text(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? Clip(string? text) =>
        text is null || text.Length <= MaxMessageLength ? text : text[..MaxMessageLength] + "…";
}
