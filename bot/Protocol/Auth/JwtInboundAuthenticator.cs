using Microsoft.IdentityModel.JsonWebTokens;
using VocEdWeek.Bot.Platform;

namespace VocEdWeek.Bot.Protocol.Auth;

/// <summary>
/// Bot Framework inbound JWT validation (the SDK's rules, protocol.md §1): a Bearer token from the
/// channel, or from the Emulator when allowed. Any failure is false (401) and a log line; never a throw.
/// A token is verified once per key set (<see cref="ValidatedTokenCache"/>); its per-activity rules run every time.
/// </summary>
public sealed partial class JwtInboundAuthenticator : IInboundAuthenticator
{
    private readonly ChannelTokenValidator _channel;
    private readonly EmulatorTokenValidator? _emulator;
    private readonly ValidatedTokenCache _verified = new();
    private readonly TimeProvider _time;
    private readonly ILogger _log;

    public JwtInboundAuthenticator(BotFrameworkOptions options, IHttpClientFactory clients, WallClock clock, ILoggerFactory loggers)
    {
        _log = loggers.CreateLogger<JwtInboundAuthenticator>();
        _time = clock.Time;
        var documents = new MetadataDocumentRetriever(clients);
        var cacheLog = loggers.CreateLogger<SigningKeyCache>();
        _channel = new ChannelTokenValidator(options, new SigningKeyCache(options.ChannelMetadataUrl, documents, _time, cacheLog), _time);
        if (options.AcceptEmulatorTokens)
        {
            _emulator = new EmulatorTokenValidator(options, new SigningKeyCache(options.EmulatorMetadataUrl, documents, _time, cacheLog), _time);
        }
    }

    /// <summary>How many verified tokens are kept (tests).</summary>
    internal int VerifiedTokens => _verified.Count;

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
        var now = _time.GetUtcNow();
        if (await _verified.FindAsync(token, now, ct) is not { } verified)
        {
            if (!TryRead(token, out var unverified)) return AuthVerdict.Fail("token is not a well-formed signed JWT");
            if (RulesFor(unverified) is not { } rules) return AuthVerdict.Fail("Emulator token refused: AcceptEmulatorTokens is false");
            var signed = await rules.VerifyAsync(token, unverified, ct);
            if (!signed.Verdict.IsValid || signed.Token is null) return signed.Verdict;
            verified = signed.Token;
            _verified.Add(token, verified, now);
        }
        return verified.Rules.Check(verified, activity, now);
    }

    /// <summary>The issuer picks the rules (null: an Emulator token while they are not accepted); the rules then check it.</summary>
    private ITokenRules? RulesFor(JsonWebToken unverified)
    {
        var tenantId = unverified.TryGetPayloadValue<string>("tid", out var tid) ? tid : null;
        return BotTokenRules.EmulatorIssuersFor(tenantId).Contains(unverified.Issuer, StringComparer.Ordinal) ? _emulator : _channel;
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
