using System.Text;

namespace VocEdWeek.Bot.Tests.Fakes;

/// <summary>
/// File contents that start the way real ones do (the bot checks the first bytes against the name), followed by a
/// repeatable filler: enough for tests that care about names, sizes and hashes, not pixels.
/// </summary>
public static class MediaBytes
{
    public static readonly byte[] JpegHead = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00];
    public static readonly byte[] PngHead = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    public static readonly byte[] Mp4Head = [0x00, 0x00, 0x00, 0x18, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'i', (byte)'s', (byte)'o', (byte)'m'];

    public static byte[] Jpeg(int size = 2048, byte seed = 1) => With(JpegHead, size, seed);

    public static byte[] Png(int size = 2048, byte seed = 2) => With(PngHead, size, seed);

    public static byte[] Mp4(int size = 4096, byte seed = 3) => With(Mp4Head, size, seed);

    /// <summary>What a sign-in page behind a sharing link looks like.</summary>
    public static byte[] Html() => Encoding.UTF8.GetBytes("<!DOCTYPE html><html><head><title>登录</title></head><body>请先登录</body></html>");

    private static byte[] With(byte[] head, int size, byte seed)
    {
        var bytes = new byte[Math.Max(size, head.Length)];
        for (var i = 0; i < bytes.Length; i++) bytes[i] = (byte)((i * 31 + seed) % 251);
        head.CopyTo(bytes, 0);
        return bytes;
    }
}
