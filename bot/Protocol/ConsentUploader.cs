using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using VocEdWeek.Bot.Conversation;

namespace VocEdWeek.Bot.Protocol;

/// <summary>
/// Writes an accepted file to the OneDrive upload session Teams opened for it: sequential PUTs with
/// <c>Content-Range: bytes {start}-{end}/{total}</c>, fragments of a multiple of 320 KiB, 202 until the last
/// (200/201). No Authorization header: the session URL is pre-authorised and a token would be refused.
/// Busy answers (429, 5xx) and dropped connections are retried; the server's next expected range is followed.
/// </summary>
public sealed partial class ConsentUploader(HttpClient http, FileConsentOptions options, TimeProvider time, ILogger<ConsentUploader> logger) : IFileUploader
{
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(10);

    public async Task<FileUploadResult> UploadAsync(FileUploadTarget target, Stream content, long length, CancellationToken ct)
    {
        if (!Uri.TryCreate(target.UploadUrl, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
            return new FileUploadResult(false, null, "The upload address is not a web address.");
        if (length <= 0) return new FileUploadResult(false, null, "The file is empty.");

        var buffer = new byte[(int)Math.Min(options.ChunkBytes, length)];
        long offset = 0;
        while (offset < length)
        {
            var size = (int)Math.Min(options.ChunkBytes, length - offset);
            await ReadExactlyAsync(content, buffer, size, ct);
            var (result, next) = await PutFragmentAsync(url, buffer, offset, size, length, ct);
            if (result is not null) return result;
            var expected = offset + size;
            if (next is { } n && n != expected && content.CanSeek && n >= 0 && n < length)
            {
                // The session asks for another range (a fragment it already had, or one it lost): follow it.
                content.Seek(n - expected, SeekOrigin.Current);
                expected = n;
            }
            offset = expected;
        }
        return new FileUploadResult(false, null, "The upload session never confirmed the last fragment.");
    }

    /// <summary>PUTs one fragment; a result ends the upload (done or failed), else the next expected offset (null: the following one).</summary>
    private async Task<(FileUploadResult? Result, long? Next)> PutFragmentAsync(Uri url, byte[] buffer, long offset, int size, long length, CancellationToken ct)
    {
        var delay = options.RetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            TimeSpan? retryAfter = null;
            string failure;
            int? status = null;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Put, url);
                request.Content = new ByteArrayContent(buffer, 0, size);
                request.Content.Headers.ContentRange = new ContentRangeHeaderValue(offset, offset + size - 1, length);
                using var response = await http.SendAsync(request, ct);
                status = (int)response.StatusCode;
                if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created)
                {
                    return (offset + size >= length ? FileUploadResult.Done : new FileUploadResult(false, status, "The upload session closed before the whole file was sent."), null);
                }
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    return (null, NextExpected(await response.Content.ReadAsStringAsync(ct)));
                }
                failure = $"HTTP {status}";
                if (status != 429 && status < 500) return (new FileUploadResult(false, status, failure), null);
                retryAfter = response.Headers.RetryAfter?.Delta;
            }
            catch (HttpRequestException ex)
            {
                failure = ex.Message;
            }
            catch (TaskCanceledException ex) when (!ct.IsCancellationRequested)
            {
                failure = "timed out: " + ex.Message;
            }
            if (attempt >= options.MaxAttempts) return (new FileUploadResult(false, status, failure), null);
            var wait = retryAfter is { } ra ? (ra > MaxRetryAfter ? MaxRetryAfter : ra) : delay;
            LogRetry(logger, offset, status, wait.TotalMilliseconds);
            await Task.Delay(wait, time, ct);
            delay *= 2;
        }
    }

    /// <summary>The start of the first range in <c>{"nextExpectedRanges":["12345-"]}</c>, when the body has one.</summary>
    private static long? NextExpected(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("nextExpectedRanges", out var ranges) && ranges.ValueKind == JsonValueKind.Array
                && ranges.GetArrayLength() > 0 && ranges[0].ValueKind == JsonValueKind.String
                && long.TryParse(ranges[0].GetString()!.Split('-')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var start))
            {
                return start;
            }
        }
        catch (JsonException)
        {
        }
        return null;
    }

    private static async Task ReadExactlyAsync(Stream content, byte[] buffer, int size, CancellationToken ct)
    {
        try
        {
            await content.ReadExactlyAsync(buffer.AsMemory(0, size), ct);
        }
        catch (EndOfStreamException)
        {
            throw new IOException("The file is shorter than its recorded size.");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "File consent upload: fragment at {Offset} got {Status}; retrying in {DelayMs} ms")]
    private static partial void LogRetry(ILogger logger, long offset, int? status, double delayMs);
}
