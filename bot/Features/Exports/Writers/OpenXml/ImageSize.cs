using System.Buffers.Binary;

namespace VocEdWeek.Bot.Features.Exports.Writers.OpenXml;

/// <summary>
/// A picture's pixel size and type, read from the first bytes of its header (JPEG, PNG, GIF, BMP): the document scales
/// the picture to the page without decoding it, and the file itself is embedded as it is. Null for anything else
/// (HEIC, WebP, a damaged file), which Word could not show anyway.
/// </summary>
public sealed record ImageSize(int Width, int Height, string ContentType, string Extension)
{
    /// <summary>Enough for a JPEG whose EXIF block (with its thumbnail) comes before the frame header.</summary>
    private const int MaxHeader = 256 * 1024;

    public static async Task<ImageSize?> ReadAsync(Stream stream, CancellationToken ct)
    {
        var buffer = new byte[MaxHeader];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(length), ct)) > 0) length += read;
        return Parse(buffer.AsSpan(0, length));
    }

    public static ImageSize? Parse(ReadOnlySpan<byte> b)
    {
        ImageSize? size = null;
        if (b.Length >= 24 && b[..8].SequenceEqual((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
            size = new((int)BinaryPrimitives.ReadUInt32BigEndian(b[16..]), (int)BinaryPrimitives.ReadUInt32BigEndian(b[20..]), "image/png", ".png");
        else if (b.Length >= 10 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F')
            size = new(BinaryPrimitives.ReadUInt16LittleEndian(b[6..]), BinaryPrimitives.ReadUInt16LittleEndian(b[8..]), "image/gif", ".gif");
        else if (b.Length >= 26 && b[0] == 'B' && b[1] == 'M')
            size = new(BinaryPrimitives.ReadInt32LittleEndian(b[18..]), Math.Abs(BinaryPrimitives.ReadInt32LittleEndian(b[22..])), "image/bmp", ".bmp");
        else if (b.Length >= 4 && b[0] == 0xFF && b[1] == 0xD8)
            size = Jpeg(b);
        return size is { Width: > 0, Height: > 0 } ? size : null;
    }

    /// <summary>Walks the JPEG's segments to the first frame header (SOF0–SOF15, not DHT/JPG/DAC).</summary>
    private static ImageSize? Jpeg(ReadOnlySpan<byte> b)
    {
        var i = 2;
        while (i + 9 < b.Length)
        {
            if (b[i] != 0xFF) return null;
            var marker = b[i + 1];
            if (marker == 0xFF) { i++; continue; }
            if (marker is 0xD8 or 0x01 || marker is >= 0xD0 and <= 0xD7) { i += 2; continue; }
            var length = BinaryPrimitives.ReadUInt16BigEndian(b[(i + 2)..]);
            if (marker is >= 0xC0 and <= 0xCF && marker is not (0xC4 or 0xC8 or 0xCC))
                return new(BinaryPrimitives.ReadUInt16BigEndian(b[(i + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(b[(i + 5)..]), "image/jpeg", ".jpg");
            i += 2 + length;
        }
        return null;
    }
}
