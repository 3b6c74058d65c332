using System.Text.Json;

namespace VocEdWeek.Bot.Protocol.Auth;

/// <summary>
/// Reads the Bot Framework-specific <c>endorsements</c> array of each key in a raw JWKS document;
/// <c>JsonWebKey</c> does not surface it. Keys without the property are simply absent from the map.
/// </summary>
public static class JwksEndorsements
{
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Parse(string jwksJson)
    {
        var map = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        using var doc = JsonDocument.Parse(jwksJson);
        if (doc.RootElement.ValueKind != JsonValueKind.Object
            || !doc.RootElement.TryGetProperty("keys", out var keys)
            || keys.ValueKind != JsonValueKind.Array)
        {
            return map;
        }
        foreach (var key in keys.EnumerateArray())
        {
            if (key.ValueKind != JsonValueKind.Object
                || !key.TryGetProperty("kid", out var kid) || kid.ValueKind != JsonValueKind.String
                || !key.TryGetProperty("endorsements", out var endorsements) || endorsements.ValueKind != JsonValueKind.Array)
            {
                continue;
            }
            map[kid.GetString()!] = endorsements.EnumerateArray()
                .Where(e => e.ValueKind == JsonValueKind.String)
                .Select(e => e.GetString()!)
                .ToArray();
        }
        return map;
    }
}
