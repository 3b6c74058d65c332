namespace VocEdWeek.Bot.Files;

/// <summary>
/// The first bytes of a stream, read for <see cref="ContentSniffer"/>, and the whole stream again (those bytes first,
/// then the rest as it comes) for the store: nothing beyond the head is buffered, however big the file.
/// </summary>
public sealed class ContentHead
{
    private ContentHead(byte[] bytes, int length, bool complete, Stream rest)
    {
        Bytes = bytes.AsMemory(0, length);
        Complete = complete;
        Content = new ReplayStream(Bytes, rest);
    }

    public ReadOnlyMemory<byte> Bytes { get; }

    /// <summary>The stream ended within the head: these bytes are the whole file.</summary>
    public bool Complete { get; }

    /// <summary>The whole content, from its first byte.</summary>
    public Stream Content { get; }

    public static async Task<ContentHead> ReadAsync(Stream source, CancellationToken ct)
    {
        var buffer = new byte[ContentSniffer.HeadBytes];
        var length = 0;
        while (length < buffer.Length)
        {
            var read = await source.ReadAsync(buffer.AsMemory(length), ct);
            if (read == 0) return new ContentHead(buffer, length, true, source);
            length += read;
        }
        return new ContentHead(buffer, length, false, source);
    }

    public ContentProblem? Check(string fileName) => ContentSniffer.Check(fileName, Bytes.Span, Complete);

    private sealed class ReplayStream(ReadOnlyMemory<byte> head, Stream rest) : Stream
    {
        private int _offset;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_offset < head.Length) return FromHead(buffer);
            return rest.Read(buffer);
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            _offset < head.Length ? ValueTask.FromResult(FromHead(buffer.Span)) : rest.ReadAsync(buffer, cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int FromHead(Span<byte> buffer)
        {
            var n = Math.Min(buffer.Length, head.Length - _offset);
            head.Span.Slice(_offset, n).CopyTo(buffer);
            _offset += n;
            return n;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) rest.Dispose();
            base.Dispose(disposing);
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
