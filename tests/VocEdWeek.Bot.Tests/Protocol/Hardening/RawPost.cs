using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace VocEdWeek.Bot.Tests.Protocol.Hardening;

/// <summary>POSTs exact bytes to /api/messages: invalid UTF-8, bodies without a Content-Length (chunked).</summary>
public static class RawPost
{
    public static async Task<HttpResponseMessage> BytesAsync(HttpClient client, byte[] body, bool chunked = false)
    {
        HttpContent content = chunked ? new StreamContent(new UnknownLengthStream(body)) : new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return await client.PostAsync("/api/messages", content);
    }

    public static Task<HttpResponseMessage> JsonAsync(HttpClient client, JsonNode activity) =>
        BytesAsync(client, Encoding.UTF8.GetBytes(activity.ToJsonString(Wire.Readable)));

    /// <summary>The JSON of <paramref name="activity"/> with the placeholder string <paramref name="marker"/> replaced by raw bytes.</summary>
    public static byte[] WithRawBytes(JsonNode activity, string marker, byte[] raw)
    {
        var text = Encoding.UTF8.GetBytes(activity.ToJsonString());
        var m = Encoding.UTF8.GetBytes(marker);
        var at = text.AsSpan().IndexOf(m);
        Assert.True(at >= 0, "marker not found");
        return [.. text.AsSpan(0, at), .. raw, .. text.AsSpan(at + m.Length)];
    }

    /// <summary>A stream that does not know its length, so HttpClient sends it chunked.</summary>
    private sealed class UnknownLengthStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
