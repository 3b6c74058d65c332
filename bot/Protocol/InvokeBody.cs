using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VocEdWeek.Bot.Protocol;

/// <summary>
/// An invoke answer's body (a receipt card, a message, an error) as UTF-8 JSON, written straight from the node into a
/// pooled buffer: the same bytes <c>ToJsonString(WireJson.Options)</c> gave, without the card as a .NET string first
/// (twice its UTF-8 size for Chinese text) and its copy on the way out.
/// </summary>
internal static class InvokeBody
{
    private static readonly JsonWriterOptions Writing = new()
    {
        Encoder = WireJson.Options.Encoder,
        Indented = false,
        SkipValidation = true,
    };

    public static byte[] Utf8(JsonNode body)
    {
        var buffer = new ArrayPoolBufferWriter();
        try
        {
            using (var writer = new Utf8JsonWriter(buffer, Writing))
            {
                body.WriteTo(writer, WireJson.Options);
            }
            return buffer.WrittenSpan.ToArray();
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
        private int _written;

        public ReadOnlySpan<byte> WrittenSpan => _array.AsSpan(0, _written);

        public void Advance(int count) => _written += count;

        public Memory<byte> GetMemory(int sizeHint = 0)
        {
            Ensure(sizeHint);
            return _array.AsMemory(_written);
        }

        public Span<byte> GetSpan(int sizeHint = 0)
        {
            Ensure(sizeHint);
            return _array.AsSpan(_written);
        }

        public void Dispose() => ArrayPool<byte>.Shared.Return(_array);

        private void Ensure(int sizeHint)
        {
            if (_array.Length - _written >= Math.Max(sizeHint, 1)) return;
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_array.Length * 2, _written + sizeHint));
            _array.AsSpan(0, _written).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_array);
            _array = larger;
        }
    }
}
