using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using VocEdWeek.Bot.Storage;

namespace VocEdWeek.Bot.Links;

/// <summary>
/// Signed, expiring, single-purpose web links (upload page, dashboard, file downloads) for people who
/// are not signed in to the bot's pages. Token = base64url(payload) "." base64url(HMAC-SHA256);
/// the purpose is inside the signed payload, so a dashboard link never opens an upload page.
/// </summary>
public sealed class LinkSigner
{
    private readonly byte[] _key;
    private readonly WebLinkOptions _options;
    private readonly TimeProvider _time;

    public LinkSigner(WebLinkOptions options, StorageOptions storage, TimeProvider time)
    {
        _options = options;
        _time = time;
        _key = LoadKey(options, storage);
    }

    public WebLinkOptions Options => _options;

    /// <summary>
    /// Names this installation without revealing anything: the first 8 bytes of HMAC(key, "instance"), in hex.
    /// <c>/healthz</c> sends it and <c>check</c> compares it with its own (same key = same bot).
    /// </summary>
    public string InstanceId => Convert.ToHexStringLower(HMACSHA256.HashData(_key, "vocedweek-instance"u8)[..8]);

    /// <summary>A token for <paramref name="purpose"/> carrying <paramref name="claims"/>, valid for <paramref name="lifetime"/>.</summary>
    public string Create(string purpose, IReadOnlyDictionary<string, string> claims, TimeSpan lifetime)
    {
        var payload = new Dictionary<string, string>(claims)
        {
            ["p"] = purpose,
            ["exp"] = _time.GetUtcNow().Add(lifetime).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["n"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)),
        };
        var body = Base64Url(JsonSerializer.SerializeToUtf8Bytes(payload));
        return body + "." + Base64Url(Sign(body));
    }

    /// <summary>Checks signature, purpose and expiry. Never throws on user input.</summary>
    public LinkCheck Verify(string? token, string purpose)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 4096) return LinkCheck.Invalid;
        var dot = token.IndexOf('.');
        if (dot <= 0 || dot != token.LastIndexOf('.')) return LinkCheck.Invalid;
        var body = token[..dot];
        // Compared as text too: base64 has spare bits, so another last character can decode to the same bytes.
        var signature = FromBase64Url(token[(dot + 1)..]);
        if (signature is null || Base64Url(signature) != token[(dot + 1)..]
            || !CryptographicOperations.FixedTimeEquals(signature, Sign(body))) return LinkCheck.Invalid;
        Dictionary<string, string>? payload;
        try
        {
            var bytes = FromBase64Url(body);
            payload = bytes is null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(bytes);
        }
        catch (JsonException)
        {
            return LinkCheck.Invalid;
        }
        if (payload is null || payload.GetValueOrDefault("p") != purpose
            || !long.TryParse(payload.GetValueOrDefault("exp"), out var exp)) return LinkCheck.Invalid;
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(exp);
        var claims = payload.Where(p => p.Key is not ("p" or "exp" or "n")).ToDictionary(p => p.Key, p => p.Value);
        var status = _time.GetUtcNow() >= expiresAt ? LinkStatus.Expired : LinkStatus.Valid;
        return new LinkCheck(status, claims, expiresAt);
    }

    /// <summary>An absolute URL on the bot's public address: <c>Url("/upload/" + token)</c>.</summary>
    public string Url(string pathAndQuery) => _options.PublicBaseUrl.TrimEnd('/') + "/" + pathAndQuery.TrimStart('/');

    private byte[] Sign(string body) => HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(body));

    private static byte[] LoadKey(WebLinkOptions options, StorageOptions storage)
    {
        if (!string.IsNullOrWhiteSpace(options.SigningKey))
        {
            try
            {
                var configured = Convert.FromBase64String(options.SigningKey);
                if (configured.Length >= 32) return configured;
            }
            catch (FormatException)
            {
            }
            throw new ConfigurationException("Links:SigningKey must be base64 of at least 32 bytes (e.g. openssl rand -base64 32).");
        }
        // Generated once per installation and kept beside the database, never in the repository.
        var path = Path.Combine(storage.FullDirectory, "link-signing.key");
        Directory.CreateDirectory(storage.FullDirectory);
        if (File.Exists(path)) return Convert.FromBase64String(File.ReadAllText(path).Trim());
        var key = RandomNumberGenerator.GetBytes(32);
        var temp = path + ".tmp";
        File.WriteAllText(temp, Convert.ToBase64String(key));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        try
        {
            File.Move(temp, path);
        }
        catch (IOException)
        {
            // Another process won the race: use its key.
            File.Delete(temp);
        }
        return Convert.FromBase64String(File.ReadAllText(path).Trim());
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[]? FromBase64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        s += (s.Length % 4) switch { 2 => "==", 3 => "=", _ => "" };
        try
        {
            return Convert.FromBase64String(s);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
