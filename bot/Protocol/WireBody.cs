using System.Buffers;
using Microsoft.AspNetCore.Http.Features;

namespace VocEdWeek.Bot.Protocol;

/// <summary>
/// Reads a request body up to a limit that counts the bytes actually received, so a chunked body (no
/// Content-Length) is cut off at the same size as a declared one. Kestrel's own limit is set to match.
/// </summary>
public static class WireBody
{
    public enum Outcome { Read, TooLarge, Broken }

    public static async Task<(Outcome Outcome, byte[] Bytes)> ReadAsync(HttpContext http, long maxBytes, CancellationToken ct)
    {
        if (http.Request.ContentLength > maxBytes) return (Outcome.TooLarge, []);
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = maxBytes;
        try
        {
            return http.Request.ContentLength is { } declared
                ? await ReadDeclaredAsync(http.Request.Body, (int)declared, ct)
                : await ReadChunkedAsync(http.Request.Body, maxBytes, ct);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (Outcome.TooLarge, []);
        }
        catch (Exception ex) when (ex is IOException or BadHttpRequestException or OperationCanceledException)
        {
            // The client went away mid-body, or sent a broken chunk: nothing to process, nothing worth an error log.
            return (Outcome.Broken, []);
        }
    }

    /// <summary>
    /// Teams declares the length: read straight into an array of that size. (A growing buffer cost a 16 KB and then a
    /// 32 KB array, plus a copy, for every ~2 KB activity.) The server ends the body at the declared length, and a
    /// client that stops short is a broken request.
    /// </summary>
    private static async Task<(Outcome, byte[])> ReadDeclaredAsync(Stream body, int length, CancellationToken ct)
    {
        var bytes = new byte[length];
        var filled = 0;
        while (filled < length)
        {
            var read = await body.ReadAsync(bytes.AsMemory(filled), ct);
            if (read == 0) return (Outcome.Broken, []);
            filled += read;
        }
        return (Outcome.Read, bytes);
    }

    private static async Task<(Outcome, byte[])> ReadChunkedAsync(Stream body, long maxBytes, CancellationToken ct)
    {
        var buffer = new ArrayBufferWriter<byte>(4 * 1024);
        while (true)
        {
            var read = await body.ReadAsync(buffer.GetMemory(), ct);
            if (read == 0) return (Outcome.Read, buffer.WrittenSpan.ToArray());
            buffer.Advance(read);
            if (buffer.WrittenCount > maxBytes) return (Outcome.TooLarge, []);
        }
    }
}
