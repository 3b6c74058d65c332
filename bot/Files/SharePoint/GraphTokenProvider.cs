using Azure.Core;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;

namespace VocEdWeek.Bot.Files.SharePoint;

/// <summary>
/// Attaches the app-only Graph token to every Graph call, whatever the host. (The Azure-Identity provider
/// shipped with the SDK only does that for Microsoft's Graph hosts, so a local fake would get none.)
/// The token is cached until shortly before it expires; <see cref="Invalidate"/> makes the next call fetch a new
/// one with a fresh credential (its own token cache empty), after Graph said the token is no good. (A managed identity's
/// tokens sit in Azure.Identity's process-wide cache and in the identity endpoint's own; a fresh credential gets the
/// same token until it nears expiry, so there the retry after a 401 mostly confirms the refusal.)
/// </summary>
public sealed class GraphTokenProvider(Func<TokenCredential?> credentials, string scope, TimeProvider time) : IAuthenticationProvider
{
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private TokenCredential? _credential = credentials();
    private AccessToken? _token;
    private bool _stale;

    public bool IsAnonymous => _credential is null;

    /// <summary>A valid token, or null in anonymous mode.</summary>
    public async Task<string?> GetTokenAsync(CancellationToken ct)
    {
        if (_credential is null) return null;
        await _gate.WaitAsync(ct);
        try
        {
            if (_stale)
            {
                _credential = credentials();
                _token = null;
                _stale = false;
            }
            if (_token is { } cached && cached.ExpiresOn - RefreshMargin > time.GetUtcNow()) return cached.Token;
            var fresh = await _credential!.GetTokenAsync(new TokenRequestContext([scope]), ct);
            _token = fresh;
            return fresh.Token;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Graph refused the token (401): get a new one next time.</summary>
    public void Invalidate()
    {
        if (_credential is not null) _stale = true;
    }

    public async Task AuthenticateRequestAsync(RequestInformation request, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
    {
        if (await GetTokenAsync(cancellationToken) is not { } token) return;
        request.Headers.Remove("Authorization");
        request.Headers.Add("Authorization", $"Bearer {token}");
    }
}
