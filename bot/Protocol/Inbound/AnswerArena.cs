namespace VocEdWeek.Bot.Protocol.Inbound;

/// <summary>
/// Where the de-duplication window keeps the bodies of the answers it remembers (every report submit's receipt, ≈ 2 KB,
/// for 15 minutes): copied one after the other into large shared chunks instead of one array each.
/// <para>
/// Why: a body kept as its own array was born in gen0 and copied by the GC into gen1 and again into gen2, and at
/// thousands of submits a minute those arrays were most of the heap (≈ 116 of 260 MB after 53,000 submits in the bench's
/// heap dump), each copied twice and then moved by every compacting GC. A chunk is large enough for the large object
/// heap: allocated there once, never moved, no per-body header. (Its effect on the tail was not measured apart.)
/// </para>
/// <para>
/// Nothing is freed by hand: a kept body is a slice of its chunk, so a chunk lives while any remembered answer in it
/// does. Bodies are appended in the order their activities finish, and the window forgets in that order, so a chunk
/// dies with the last bucket that used it — at most one chunk of lag.
/// </para>
/// </summary>
internal sealed class AnswerArena
{
    /// <summary>Above the large object heap's threshold (85,000 bytes): room for ≈ 120 receipts.</summary>
    internal const int ChunkSize = 256 * 1024;

    private readonly Lock _gate = new();
    private byte[] _chunk = [];
    private int _used;

    /// <summary>A copy of <paramref name="body"/> that stays valid as long as it is referenced.</summary>
    public ReadOnlyMemory<byte> Keep(ReadOnlySpan<byte> body)
    {
        // A body that would fill a good part of a chunk gets an array of its own rather than wasting the chunk's rest.
        if (body.Length > ChunkSize / 8) return body.ToArray();
        lock (_gate)
        {
            if (_chunk.Length - _used < body.Length)
            {
                _chunk = GC.AllocateUninitializedArray<byte>(ChunkSize);
                _used = 0;
            }
            var kept = _chunk.AsMemory(_used, body.Length);
            body.CopyTo(kept.Span);
            _used += body.Length;
            return kept;
        }
    }
}
