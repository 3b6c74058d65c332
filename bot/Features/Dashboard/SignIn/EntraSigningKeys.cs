using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace VocEdWeek.Bot.Features.Dashboard.SignIn;

/// <summary>
/// The tenant's published signing keys (OpenID metadata → jwks_uri), kept for 12 hours. A token with an unknown
/// <c>kid</c> makes one immediate re-fetch (Entra rolls its keys over), at most every 5 minutes so made-up kids cannot
/// make us hammer Entra; a failed fetch keeps the keys we had and is retried 5 minutes later. Times come from the
/// injected clock.
/// </summary>
public sealed partial class EntraSigningKeys(string metadataUrl, IDocumentRetriever documents, TimeProvider time, ILogger log)
{
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromHours(12);
    public static readonly TimeSpan MinimumRefreshInterval = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private IReadOnlyList<SecurityKey>? _keys;
    private DateTimeOffset _fetchedAt;
    private DateTimeOffset? _forcedAt;

    /// <summary>The keys published under <paramref name="kid"/>; empty when unknown (also after a refresh) or unavailable.</summary>
    public async Task<IReadOnlyList<SecurityKey>> FindAsync(string kid, CancellationToken ct)
    {
        var keys = await CurrentAsync(ct);
        var hit = Match(keys, kid);
        if (hit.Count > 0) return hit;
        LogUnknownKid(log, kid, metadataUrl);
        return Match(await RefreshForUnknownAsync(keys, ct), kid);
    }

    private async Task<IReadOnlyList<SecurityKey>?> CurrentAsync(CancellationToken ct)
    {
        var keys = Volatile.Read(ref _keys);
        if (keys is not null && time.GetUtcNow() - _fetchedAt < RefreshEvery) return keys;
        await _gate.WaitAsync(ct);
        try
        {
            if (_keys is not null && time.GetUtcNow() - _fetchedAt < RefreshEvery) return _keys;
            return await FetchAsync(ct) ?? _keys;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<IReadOnlyList<SecurityKey>?> RefreshForUnknownAsync(IReadOnlyList<SecurityKey>? seen, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            // Another request may have refreshed while this one waited.
            if (!ReferenceEquals(_keys, seen)) return _keys;
            var now = time.GetUtcNow();
            if (_forcedAt is { } last && now - last < MinimumRefreshInterval) return _keys;
            _forcedAt = now;
            return await FetchAsync(ct) ?? _keys;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Called under the gate; null when the metadata or the key set could not be read.</summary>
    private async Task<IReadOnlyList<SecurityKey>?> FetchAsync(CancellationToken ct)
    {
        try
        {
            var configuration = await OpenIdConnectConfigurationRetriever.GetAsync(metadataUrl, documents, ct);
            var keys = configuration.SigningKeys.ToList();
            Volatile.Write(ref _keys, keys);
            _fetchedAt = time.GetUtcNow();
            return keys;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            LogFetchFailed(log, ex.GetType().Name, metadataUrl);
            // Keys we had stay in use; the next try is in 5 minutes, not on every request while Entra is unreachable.
            if (_keys is not null) _fetchedAt = time.GetUtcNow() - RefreshEvery + MinimumRefreshInterval;
            return null;
        }
    }

    private static IReadOnlyList<SecurityKey> Match(IReadOnlyList<SecurityKey>? keys, string kid) =>
        keys?.Where(k => string.Equals(k.KeyId, kid, StringComparison.Ordinal)).ToList() ?? [];

    [LoggerMessage(Level = LogLevel.Information, Message = "Tab sign-in: signing key {Kid} is not in the key set of {MetadataUrl}; refreshing")]
    private static partial void LogUnknownKid(ILogger logger, string kid, string metadataUrl);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tab sign-in: could not read the OpenID metadata or keys at {MetadataUrl} ({Error})")]
    private static partial void LogFetchFailed(ILogger logger, string error, string metadataUrl);
}
