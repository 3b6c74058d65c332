using System.Collections.Concurrent;

namespace VocEdWeek.Bot.Protocol.Auth;

/// <summary>
/// Verified tokens by their exact text. Teams sends the same channel token for about an hour, and parsing it and checking
/// its RSA signature was most of the cost of authentication, so a token is verified once per key set. A hit is used only
/// while the key set it was verified against is still the current one (any refresh, periodic or for a new kid, means
/// verifying again, so a token whose key left the metadata is refused like any other); the per-activity rules
/// (<see cref="ITokenRules.Check"/>: lifetime, issuer, audience, endorsement, serviceurl) run on every hit as on every miss,
/// and a token past its expiry is forgotten. Only verified tokens get in,
/// so nobody can fill it with made-up ones; it is bounded all the same.
/// </summary>
public sealed class ValidatedTokenCache
{
    public const int MaxEntries = 1_000;

    private readonly ConcurrentDictionary<string, ValidatedToken> _entries = new(StringComparer.Ordinal);

    public int Count => _entries.Count;

    public async Task<ValidatedToken?> FindAsync(string token, DateTimeOffset now, CancellationToken ct)
    {
        if (!_entries.TryGetValue(token, out var hit)) return null;
        if (hit.IsOverAt(now))
        {
            // Forgotten, and handed back once more so the lifetime rule refuses it and says so.
            _entries.TryRemove(new KeyValuePair<string, ValidatedToken>(token, hit));
            return hit;
        }
        return await hit.Rules.Keys.GenerationAsync(ct) == hit.Generation ? hit : null;
    }

    public void Add(string token, ValidatedToken verified, DateTimeOffset now)
    {
        if (verified.IsOverAt(now)) return;
        if (_entries.Count >= MaxEntries) Sweep(now);
        // Still full of live tokens: verifying a new one every time costs what it did before this cache, nothing more.
        if (_entries.Count >= MaxEntries && !_entries.ContainsKey(token)) return;
        _entries[token] = verified;
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (token, entry) in _entries)
        {
            if (entry.IsOverAt(now)) _entries.TryRemove(new KeyValuePair<string, ValidatedToken>(token, entry));
        }
    }
}
