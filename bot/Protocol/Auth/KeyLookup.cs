namespace VocEdWeek.Bot.Protocol.Auth;

/// <summary>
/// Outcome of looking up a signing key: found (in the key set of <see cref="Generation"/>), unknown even after a refresh,
/// or no key set at all.
/// </summary>
public sealed record KeyLookup(KeyLookupStatus Status, SigningKeyMatch? Match, long Generation = 0)
{
    public static readonly KeyLookup Unknown = new(KeyLookupStatus.Unknown, null);
    public static readonly KeyLookup Unavailable = new(KeyLookupStatus.Unavailable, null);

    public static KeyLookup Found(SigningKeyMatch match, long generation) => new(KeyLookupStatus.Found, match, generation);
}
