using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Protocol;
using VocEdWeek.Bot.Protocol.Inbound;
using VocEdWeek.Bot.Storage.LiteDb.Inbound;

namespace VocEdWeek.Bot.Tests.Protocol.Inbound;

/// <summary>
/// The window's answer bodies live in a few large shared chunks (not one array each, which the GC copied from gen0 to
/// gen2 and then moved at every compaction), and a copy is still answered byte for byte from there.
/// </summary>
public sealed class AnswerArenaTests
{
    [Fact]
    public void Many_receipt_sized_bodies_share_a_few_chunks_on_the_large_object_heap()
    {
        var arena = new AnswerArena();
        var kept = new List<(byte[] Body, ReadOnlyMemory<byte> Kept)>();
        for (var i = 0; i < 300; i++)
        {
            var body = Encoding.UTF8.GetBytes($"{{\"receipt\":{i},\"text\":\"{new string('已', 600 + i % 50)}\"}}");
            kept.Add((body, arena.Keep(body)));
        }

        foreach (var (body, copy) in kept) Assert.Equal(body, copy.ToArray());
        var chunks = kept.Select(k => Chunk(k.Kept)).Distinct().ToList();
        var total = kept.Sum(k => k.Body.Length);
        Assert.InRange(chunks.Count, total / AnswerArena.ChunkSize, total / AnswerArena.ChunkSize + 1);
        // Large object heap: reported as generation 2 from birth, never copied through gen0 and gen1.
        Assert.All(chunks, c => Assert.Equal(2, GC.GetGeneration(c)));
    }

    [Fact]
    public void A_body_too_large_to_share_gets_its_own_array_and_leaves_the_chunk_usable()
    {
        var arena = new AnswerArena();
        var small = arena.Keep("{\"a\":1}"u8);
        var large = Enumerable.Repeat((byte)'x', AnswerArena.ChunkSize / 8 + 1).ToArray();
        var big = arena.Keep(large);
        var after = arena.Keep("{\"b\":2}"u8);

        Assert.Equal(large.Length, Chunk(big).Length);
        Assert.Same(Chunk(small), Chunk(after));
        Assert.Equal("{\"a\":1}", Encoding.UTF8.GetString(small.Span));
        Assert.Equal("{\"b\":2}", Encoding.UTF8.GetString(after.Span));
    }

    [Fact]
    public async Task A_copy_of_an_invoke_is_answered_from_the_window_with_the_first_answers_bytes()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 5, 14, 3, 59, 0, TimeSpan.Zero));
        var dedup = new ActivityDeduplicator(clock, new LiteDbOnceClaims(), NullLogger<ActivityDeduplicator>.Instance);
        var runs = 0;
        Task<TurnOutcome> Run() => dedup.RunOnceAsync("msteams|a:1|invoke|1", () =>
        {
            runs++;
            var card = new JsonObject { ["type"] = "AdaptiveCard", ["body"] = new JsonArray(new JsonObject { ["text"] = "已提交 ✓ “引号” 😀" }) };
            return Task.FromResult(new TurnOutcome(isInvoke: true, InvokeResult.Card(card)));
        }, () => TurnOutcome.Plain);

        var first = await Written(await Run());
        clock.Advance(ActivityDeduplicator.Window - TimeSpan.FromSeconds(1));
        var copy = await Written(await Run());

        Assert.Equal(1, runs);
        Assert.Equal(first.Body, copy.Body);
        Assert.Equal(first.Length, copy.Length);
        Assert.Equal(first.Type, copy.Type);
        Assert.Contains("已提交 ✓", Encoding.UTF8.GetString(copy.Body), StringComparison.Ordinal);
    }

    private static byte[] Chunk(ReadOnlyMemory<byte> kept) =>
        MemoryMarshal.TryGetArray(kept, out var segment) ? segment.Array! : throw new InvalidOperationException("not an array");

    private static async Task<(byte[] Body, long? Length, string? Type)> Written(TurnOutcome outcome)
    {
        var http = new DefaultHttpContext();
        using var body = new MemoryStream();
        http.Response.Body = body;
        await outcome.ToHttpResult().ExecuteAsync(http);
        return (body.ToArray(), http.Response.ContentLength, http.Response.ContentType);
    }
}
