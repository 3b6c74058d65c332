namespace VocEdWeek.Bot.Files;

/// <summary>
/// The time limits of one download, on the app's <see cref="TimeProvider"/> (so tests move them with a fake clock):
/// idle — no answer and no bytes for <see cref="FileIntakeOptions.IdleTimeout"/>; overall — the size-scaled
/// <see cref="FileIntakeOptions.OverallTimeout"/>. <see cref="Token"/> fires on either, or on shutdown.
/// </summary>
public sealed class DownloadTimer : IDisposable
{
    private readonly FileIntakeOptions _options;
    private readonly CancellationTokenSource _idle;
    private readonly CancellationTokenSource _overall;
    private readonly CancellationTokenSource _any;

    public DownloadTimer(TimeProvider time, FileIntakeOptions options, CancellationToken stopping)
    {
        _options = options;
        _idle = new CancellationTokenSource(options.IdleTimeout, time);
        _overall = new CancellationTokenSource(options.OverallTimeout(null), time);
        _any = CancellationTokenSource.CreateLinkedTokenSource(stopping, _idle.Token, _overall.Token);
    }

    public CancellationToken Token => _any.Token;

    /// <summary>The server said how big the file is: the overall limit is scaled to it, from now.</summary>
    public void Expect(long? length)
    {
        if (length is { } known) _overall.CancelAfter(_options.OverallTimeout(known));
        Touch();
    }

    /// <summary>Something arrived: the idle limit starts again.</summary>
    public void Touch() => _idle.CancelAfter(_options.IdleTimeout);

    /// <summary>
    /// Reads through <paramref name="content"/>, restarting the idle limit on every read. A network error while reading
    /// becomes a <see cref="Conversation.FileDownloadException"/>, so it is not mistaken for the store's own failure.
    /// </summary>
    public Stream Watch(Stream content) => new WatchedStream(content, this);

    public void Dispose()
    {
        _any.Dispose();
        _idle.Dispose();
        _overall.Dispose();
    }

    private sealed class WatchedStream(Stream inner, DownloadTimer timer) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            try
            {
                var read = await inner.ReadAsync(buffer, cancellationToken);
                timer.Touch();
                return read;
            }
            catch (Exception) when (cancellationToken.IsCancellationRequested)
            {
                // A cancelled read may surface as an IOException: it is the time limit (or shutdown) all the same.
                throw new OperationCanceledException(cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or HttpRequestException)
            {
                throw new Conversation.FileDownloadException(ex.Message);
            }
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            timer.Touch();
            return read;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
