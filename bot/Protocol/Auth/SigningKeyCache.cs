using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace VocEdWeek.Bot.Protocol.Auth;

/// <summary>
/// Signing keys and endorsements for one OpenID metadata URL. <see cref="ConfigurationManager{T}"/> does the
/// caching and the periodic refresh; an unknown <c>kid</c> triggers one immediate re-fetch (rate-limited),
/// because in IdentityModel 8 <c>RequestRefresh()</c> only refreshes in the background and the token that
/// revealed the rotation would still fail.
/// </summary>
public sealed partial class SigningKeyCache
{
    /// <summary>Same floor as ConfigurationManager's RequestRefresh: made-up kids cannot make us hammer the endpoint.</summary>
    public static readonly TimeSpan MinimumRefreshInterval = TimeSpan.FromMinutes(5);

    private readonly string _metadataUrl;
    private readonly IDocumentRetriever _documents;
    private readonly EndorsedConfigurationRetriever _retriever = new();
    private readonly ConfigurationManager<OpenIdConnectConfiguration> _manager;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly SemaphoreSlim _refreshGate = new(1, 1);
    private EndorsedConfiguration? _refreshed;
    private DateTimeOffset? _lastRefresh;

    public SigningKeyCache(string metadataUrl, IDocumentRetriever documents, TimeProvider time, ILogger log)
    {
        _metadataUrl = metadataUrl;
        _documents = documents;
        _time = time;
        _log = log;
        _manager = new ConfigurationManager<OpenIdConnectConfiguration>(metadataUrl, _retriever, documents);
    }

    public async Task<KeyLookup> FindAsync(string kid, CancellationToken ct)
    {
        try
        {
            var current = await CurrentAsync(ct);
            if (current.Find(kid) is { } hit) return KeyLookup.Found(hit, current.Generation);

            LogRefreshing(_log, kid, _metadataUrl);
            var refreshed = await RefreshAsync(current, ct);
            return refreshed?.Find(kid) is { } found ? KeyLookup.Found(found, refreshed.Generation) : KeyLookup.Unknown;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return KeyLookup.Unavailable;
        }
        catch (Exception ex)
        {
            LogFetchFailed(_log, ex, _metadataUrl);
            return KeyLookup.Unavailable;
        }
    }

    /// <summary>
    /// The generation of the key set in use now (a refresh, periodic or for an unknown kid, makes a new one), or null when
    /// none can be had. A token verified against another generation must be verified again.
    /// </summary>
    public async Task<long?> GenerationAsync(CancellationToken ct)
    {
        try
        {
            return (await CurrentAsync(ct)).Generation;
        }
        catch (Exception)
        {
            // No key set: the caller verifies in full, which says why in its refusal.
            return null;
        }
    }

    private async Task<EndorsedConfiguration> CurrentAsync(CancellationToken ct)
    {
        var managed = await _manager.GetConfigurationAsync(ct) as EndorsedConfiguration
            ?? throw new InvalidOperationException("Unexpected configuration type.");
        var refreshed = Volatile.Read(ref _refreshed);
        return refreshed is not null && refreshed.Generation > managed.Generation ? refreshed : managed;
    }

    /// <returns>A newer snapshot, or null when a refresh ran too recently.</returns>
    private async Task<EndorsedConfiguration?> RefreshAsync(EndorsedConfiguration seen, CancellationToken ct)
    {
        await _refreshGate.WaitAsync(ct);
        try
        {
            // Another request may have refreshed while this one waited: use that instead of fetching again.
            var latest = await CurrentAsync(ct);
            if (latest.Generation > seen.Generation) return latest;

            var now = _time.GetUtcNow();
            if (_lastRefresh is { } last && now - last < MinimumRefreshInterval)
            {
                LogRefreshSkipped(_log, _metadataUrl);
                return null;
            }
            _lastRefresh = now;
            var fresh = (EndorsedConfiguration)await _retriever.GetConfigurationAsync(_metadataUrl, _documents, ct);
            Volatile.Write(ref _refreshed, fresh);
            return fresh;
        }
        finally
        {
            _refreshGate.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Signing key {Kid} is not in the cached key set of {MetadataUrl}; refreshing")]
    private static partial void LogRefreshing(ILogger logger, string kid, string metadataUrl);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Key set of {MetadataUrl} was refreshed less than 5 minutes ago; not refreshing again")]
    private static partial void LogRefreshSkipped(ILogger logger, string metadataUrl);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not fetch OpenID metadata or signing keys from {MetadataUrl}")]
    private static partial void LogFetchFailed(ILogger logger, Exception ex, string metadataUrl);
}
