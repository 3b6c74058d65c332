using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VocEdWeek.Bot.Protocol;

/// <summary>
/// The body of an invoke answer (a receipt card, a message, an error) written as UTF-8 JSON straight into a pooled
/// buffer and from there to the response, with its length: the same bytes <c>ToJsonString(WireJson.Options)</c> gave,
/// without the card as a .NET string first (twice its UTF-8 size for Chinese text) and its copy on the way out.
/// </summary>
public sealed class InvokeResponse(int status, JsonNode body) : IResult
{
    private static readonly JsonWriterOptions Writing = new()
    {
        Encoder = WireJson.Options.Encoder,
        Indented = false,
        SkipValidation = true,
    };

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        var buffer = new ArrayPoolBufferWriter();
        try
        {
            using (var writer = new Utf8JsonWriter(buffer, Writing))
            {
                body.WriteTo(writer, WireJson.Options);
            }
            response.StatusCode = status;
            response.ContentType = "application/json; charset=utf-8";
            response.ContentLength = buffer.Written;
            await response.Body.WriteAsync(buffer.WrittenMemory, httpContext.RequestAborted);
        }
        finally
        {
            buffer.Dispose();
        }
    }

    /// <summary>An <see cref="IBufferWriter{T}"/> on one rented array, grown by renting a larger one.</summary>
    private sealed class ArrayPoolBufferWriter : IBufferWriter<byte>, IDisposable
    {
        private byte[] _array = ArrayPool<byte>.Shared.Rent(16 * 1024);

        public int Written { get; private set; }

        public ReadOnlyMemory<byte> WrittenMemory => _array.AsMemory(0, Written);

        public void Advance(int count) => Written += count;

        public Memory<byte> GetMemory(int sizeHint = 0)
        {
            Ensure(sizeHint);
            return _array.AsMemory(Written);
        }

        public Span<byte> GetSpan(int sizeHint = 0)
        {
            Ensure(sizeHint);
            return _array.AsSpan(Written);
        }

        public void Dispose() => ArrayPool<byte>.Shared.Return(_array);

        private void Ensure(int sizeHint)
        {
            if (_array.Length - Written >= Math.Max(sizeHint, 1)) return;
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_array.Length * 2, Written + sizeHint));
            _array.AsSpan(0, Written).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_array);
            _array = larger;
        }
    }
}
