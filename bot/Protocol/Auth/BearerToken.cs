namespace VocEdWeek.Bot.Protocol.Auth;

/// <summary>Extracts the token from an <c>Authorization</c> header of exactly two parts: <c>Bearer &lt;token&gt;</c>.</summary>
public static class BearerToken
{
    public static bool TryParse(string? header, out string token)
    {
        token = "";
        if (string.IsNullOrWhiteSpace(header)) return false;
        var parts = header.Split(' ');
        // Scheme match is case-insensitive (RFC 9110), as in the Bot Framework SDK; anything else is refused.
        if (parts.Length != 2 || !parts[0].Equals("Bearer", StringComparison.OrdinalIgnoreCase) || parts[1].Length == 0) return false;
        token = parts[1];
        return true;
    }
}
