using Microsoft.IdentityModel.JsonWebTokens;
using VocEdWeek.Bot.Platform;

namespace VocEdWeek.Bot.Protocol.Auth;

/// <summary>
/// Bot Framework inbound JWT validation (the SDK's rules, protocol.md §1): a Bearer token from the
/// channel, or from the Emulator when allowed. Any failure is false (401) and a log line; never a throw.
/// </summary>
public sealed partial class JwtInboundAuthenticator : IInboundAuthenticator
{
    private readonly ChannelTokenValidator _channel;
    private readonly EmulatorTokenValidator? _emulator;
    private readonly ILogger _log;

    public JwtInboundAuthenticator(BotFrameworkOptions options, IHttpClientFactory clients, WallClock clock, ILoggerFactory loggers)
    {
        _log = loggers.CreateLogger<JwtInboundAuthenticator>();
        var time = clock.Time;
        var documents = new MetadataDocumentRetriever(clients);
        var cacheLog = loggers.CreateLogger<SigningKeyCache>();
        _channel = new ChannelTokenValidator(options, new SigningKeyCache(options.ChannelMetadataUrl, documents, time, cacheLog), time);
        if (options.AcceptEmulatorTokens)
        {
            _emulator = new EmulatorTokenValidator(options, new SigningKeyCache(options.EmulatorMetadataUrl, documents, time, cacheLog), time);
        }
    }

    public async Task<bool> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken ct)
    {
        AuthVerdict verdict;
        try
        {
            verdict = await CheckAsync(authorizationHeader, activity, ct);
        }
        catch (Exception ex)
        {
            // Unexpected: still a plain 401 for the caller; the type is enough to investigate.
            verdict = AuthVerdict.Fail($"unexpected {ex.GetType().Name}");
        }
        if (!verdict.IsValid) LogRejected(_log, activity.Type, activity.Id, verdict.Reason);
        return verdict.IsValid;
    }

    private async Task<AuthVerdict> CheckAsync(string? header, Activity activity, CancellationToken ct)
    {
        if (header is null) return AuthVerdict.Fail("no Authorization header");
        if (!BearerToken.TryParse(header, out var token)) return AuthVerdict.Fail("Authorization header is not 'Bearer <token>'");
        if (!TryRead(token, out var unverified)) return AuthVerdict.Fail("token is not a well-formed signed JWT");

        var tenantId = unverified.TryGetPayloadValue<string>("tid", out var tid) ? tid : null;
        if (BotTokenRules.EmulatorIssuersFor(tenantId).Contains(unverified.Issuer, StringComparer.Ordinal))
        {
            return _emulator is null
                ? AuthVerdict.Fail("Emulator token refused: AcceptEmulatorTokens is false")
                : await _emulator.ValidateAsync(token, unverified, activity, ct);
        }
        return await _channel.ValidateAsync(token, unverified, activity, ct);
    }

    /// <summary>Reads header and claims without trusting them; they only pick the validation path and key.</summary>
    private static bool TryRead(string token, out JsonWebToken jwt)
    {
        jwt = null!;
        try
        {
            jwt = new JsonWebToken(token);
            return !jwt.IsEncrypted;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or System.Text.Json.JsonException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused {Type} activity {Id}: {Reason}")]
    private static partial void LogRejected(ILogger logger, string? type, string? id, string reason);
}
