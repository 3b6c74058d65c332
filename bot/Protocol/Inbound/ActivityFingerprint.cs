using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace VocEdWeek.Bot.Protocol.Inbound;

/// <summary>
/// 128 bits standing for one de-duplication key once its turn is over: HMAC-SHA256 of the key's text under a secret
/// drawn at start, cut to 128 bits. Keyed, so nobody who sends activities can aim two ids at one fingerprint; two keys
/// share one only by a 2^-128 chance per pair (README "De-duplication window").
/// </summary>
internal readonly record struct ActivityFingerprint(ulong High, ulong Low)
{
    public static ActivityFingerprint Of(string key, byte[] secret)
    {
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        // The key's UTF-16 bytes as they are: no encoding step, and the same text always gives the same bytes.
        HMACSHA256.HashData(secret, MemoryMarshal.AsBytes(key.AsSpan()), mac);
        var words = MemoryMarshal.Cast<byte, ulong>(mac);
        return new ActivityFingerprint(words[0], words[1]);
    }

    // Already uniformly spread by the MAC: its low bits are as good a hash code as any.
    public override int GetHashCode() => (int)Low;
}
