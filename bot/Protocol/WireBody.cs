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
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        try
        {
            while (true)
            {
                var read = await http.Request.Body.ReadAsync(buffer.GetMemory(16 * 1024), ct);
                if (read == 0) return (Outcome.Read, buffer.WrittenSpan.ToArray());
                buffer.Advance(read);
                if (buffer.WrittenCount > maxBytes) return (Outcome.TooLarge, []);
            }
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
}
