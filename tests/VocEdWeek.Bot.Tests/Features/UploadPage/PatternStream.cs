using System.Security.Cryptography;

namespace VocEdWeek.Bot.Tests.Features.UploadPage;

/// <summary>
/// A request body made on the fly (nothing held in memory): <c>length</c> bytes of a repeatable pattern (an MP4's head first),
/// optionally failing after <c>failAfter</c> bytes like a phone that loses its connection.
/// </summary>
public sealed class PatternStream(long length, long? failAfter = null, byte seed = 7) : Stream
{
    private long _position;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (failAfter is { } limit && _position >= limit) throw new IOException("connection lost (test)");
        var n = (int)Math.Min(buffer.Length, length - _position);
        for (var i = 0; i < n; i++) buffer[i] = Byte(_position + i, seed);
        _position += n;
        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer, offset, count));

    public static string Sha256(long length, byte seed = 7)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        for (long done = 0; done < length;)
        {
            var n = (int)Math.Min(buffer.Length, length - done);
            for (var i = 0; i < n; i++) buffer[i] = Byte(done + i, seed);
            hash.AppendData(buffer, 0, n);
            done += n;
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    // It starts like an MP4 (an ftyp box), since the bot checks a video's first bytes; the rest is the pattern.
    private static byte Byte(long position, byte seed) =>
        position < Fakes.MediaBytes.Mp4Head.Length ? Fakes.MediaBytes.Mp4Head[position] : (byte)((position * 31 + seed) % 251);

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
