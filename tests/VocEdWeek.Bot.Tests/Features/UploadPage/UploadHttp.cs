using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace VocEdWeek.Bot.Tests.Features.UploadPage;

/// <summary>What the page's script does, as plain HTTP: one POST per file with its name in a header, then "done".</summary>
public static class UploadHttp
{
    public static string Token(string url) => url[(url.LastIndexOf('/') + 1)..];

    public static HttpContent Bytes(byte[] bytes) => new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("application/octet-stream") } };

    /// <summary>Streamed with a Content-Length (what a browser sends for a picked file).</summary>
    public static HttpContent Streamed(long length, byte seed = 7) =>
        new StreamContent(new PatternStream(length, seed: seed), 81920) { Headers = { ContentLength = length } };

    /// <summary>Streamed without a length (chunked): only the server's running count can stop it.</summary>
    public static HttpContent Chunked(long length, long? failAfter = null) => new StreamContent(new PatternStream(length, failAfter), 81920);

    /// <param name="expectContinue">Send the headers first and the body only after "100 Continue": a refusal by headers then costs no upload.</param>
    public static async Task<HttpResponseMessage> PostFileAsync(HttpClient http, string token, string name, HttpContent content, string batch = "page-run-0001", bool expectContinue = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/upload/{token}/files") { Content = content };
        request.Headers.ExpectContinue = expectContinue;
        request.Headers.Add("X-File-Name", Uri.EscapeDataString(name));
        request.Headers.Add("X-Upload-Batch", batch);
        return await http.SendAsync(request);
    }

    public static async Task<JsonNode> DoneAsync(HttpClient http, string token, string batch = "page-run-0001")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/upload/{token}/done");
        request.Headers.Add("X-Upload-Batch", batch);
        var response = await http.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    public static async Task<string> ErrorOf(HttpResponseMessage response) =>
        (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;
}
