using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace VocEdWeek.Bot.Files.SharePoint;

/// <summary>
/// OneDrive/SharePoint's quickXorHash (driveItem <c>file.hashes.quickXorHash</c>), from Microsoft's published
/// description: byte k is XOR-ed into a 160-bit register at bit offset (k·11) mod 160, then the length
/// (64-bit little-endian) is XOR-ed into the last 8 bytes; base64 of the 20 bytes.
/// Lets a retry recognise "this item already is my file" without downloading it.
/// </summary>
public sealed class QuickXorHash
{
    private const int WidthBits = 160;
    private const int Shift = 11;

    // Byte k always lands at the same offset as byte k+160 ((k+160)·11 ≡ k·11 mod 160), so bytes are first
    // folded into 160 lanes with plain XOR and only spread onto the bit register at the end: a fast inner loop.
    private readonly byte[] _lanes = new byte[WidthBits];
    private long _length;

    public long Length => _length;

    public void Append(ReadOnlySpan<byte> data)
    {
        var lane = (int)(_length % WidthBits);
        _length += data.Length;
        while (lane != 0 && !data.IsEmpty)
        {
            _lanes[lane] ^= data[0];
            data = data[1..];
            lane = (lane + 1) % WidthBits;
        }
        var words = MemoryMarshal.Cast<byte, ulong>(_lanes.AsSpan());
        while (data.Length >= WidthBits)
        {
            var block = MemoryMarshal.Cast<byte, ulong>(data[..WidthBits]);
            for (var i = 0; i < words.Length; i++) words[i] ^= block[i];
            data = data[WidthBits..];
        }
        for (var i = 0; i < data.Length; i++) _lanes[i] ^= data[i];
    }

    public byte[] Finish()
    {
        var register = new byte[WidthBits / 8];
        for (var lane = 0; lane < WidthBits; lane++)
        {
            var value = _lanes[lane];
            if (value == 0) continue;
            var offset = lane * Shift % WidthBits;
            for (var bit = 0; bit < 8; bit++)
            {
                if ((value >> bit & 1) == 0) continue;
                var at = (offset + bit) % WidthBits;
                register[at / 8] ^= (byte)(1 << (at % 8));
            }
        }
        Span<byte> length = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(length, _length);
        for (var i = 0; i < 8; i++) register[12 + i] ^= length[i];
        return register;
    }

    public string FinishBase64() => Convert.ToBase64String(Finish());

    public static string Of(ReadOnlySpan<byte> data)
    {
        var hash = new QuickXorHash();
        hash.Append(data);
        return hash.FinishBase64();
    }

    /// <summary>Hashes a stream to its end with one small buffer (never the whole file in memory).</summary>
    public static async Task<(string Hash, long Length)> OfStreamAsync(Stream content, CancellationToken ct)
    {
        var hash = new QuickXorHash();
        var buffer = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(buffer, ct)) > 0) hash.Append(buffer.AsSpan(0, read));
        return (hash.FinishBase64(), hash.Length);
    }
}
