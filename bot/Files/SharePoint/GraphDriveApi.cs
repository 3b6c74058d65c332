using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Graph;
using Microsoft.Graph.Drives.Item.Items.Item.CreateUploadSession;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;

namespace VocEdWeek.Bot.Files.SharePoint;

/// <summary>
/// The Graph calls the store needs, one HTTP request each, no retries (the store decides). JSON calls go
/// through the Graph SDK's request adapter (typed models, our token provider); byte-moving calls go straight
/// through HttpClient so bodies are streamed and upload-session PUTs carry no Authorization header.
/// Every failure comes out as <see cref="GraphCallException"/> (or a network exception).
/// </summary>
public sealed class GraphDriveApi
{
    private const string JsonType = "application/json";
    private static readonly Dictionary<string, ParsableFactory<IParsable>> ErrorMapping = new()
    {
        ["XXX"] = ODataError.CreateFromDiscriminatorValue,
    };

    private readonly HttpClient _http;
    private readonly GraphTokenProvider _tokens;
    private readonly GraphServiceClient _client;
    private readonly string _base;

    public GraphDriveApi(HttpClient http, GraphTokenProvider tokens, string graphBaseUrl)
    {
        _http = http;
        _tokens = tokens;
        _base = graphBaseUrl.TrimEnd('/');
        _client = new GraphServiceClient(http, tokens, _base);
    }

    /// <summary>"a/b c/d.jpg" → "a/b%20c/d.jpg": each segment escaped, the slashes kept (Graph's path addressing).</summary>
    public static string EscapePath(IEnumerable<string> segments) => string.Join('/', segments.Select(Uri.EscapeDataString));

    private string DriveUrl(string driveId) => $"{_base}/drives/{Uri.EscapeDataString(driveId)}";

    private string PathUrl(string driveId, IReadOnlyList<string> path) => $"{DriveUrl(driveId)}/root:/{EscapePath(path)}:";

    public async Task<string> GetSiteIdAsync(string host, string? sitePath, CancellationToken ct)
    {
        var url = sitePath is null
            ? $"{_base}/sites/{Uri.EscapeDataString(host)}"
            : $"{_base}/sites/{Uri.EscapeDataString(host)}:/{EscapePath(sitePath.Split('/', StringSplitOptions.RemoveEmptyEntries))}";
        var site = await SendJsonAsync(Method.GET, url, null, Site.CreateFromDiscriminatorValue, ct);
        return site?.Id ?? throw new GraphCallException(502, null, "Graph returned a site without an id.", null);
    }

    public async Task<string> GetDefaultDriveIdAsync(string siteId, CancellationToken ct)
    {
        var drive = await SendJsonAsync(Method.GET, $"{_base}/sites/{Uri.EscapeDataString(siteId)}/drive", null, Drive.CreateFromDiscriminatorValue, ct);
        return drive?.Id ?? throw new GraphCallException(502, null, "Graph returned a drive without an id.", null);
    }

    /// <summary>The id of the site's library with this name, or null when the site has none by that name.</summary>
    public async Task<string?> FindDriveIdAsync(string siteId, string name, CancellationToken ct)
    {
        var url = $"{_base}/sites/{Uri.EscapeDataString(siteId)}/drives";
        while (url is not null)
        {
            var page = await SendJsonAsync(Method.GET, url, null, DriveCollectionResponse.CreateFromDiscriminatorValue, ct);
            var hit = page?.Value?.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase));
            if (hit?.Id is { } id) return id;
            url = page?.OdataNextLink;
        }
        return null;
    }

    /// <summary>The item at a path, or null when there is none.</summary>
    public async Task<DriveItem?> GetItemByPathAsync(string driveId, IReadOnlyList<string> path, CancellationToken ct)
    {
        try
        {
            return await SendJsonAsync(Method.GET, PathUrl(driveId, path), null, DriveItem.CreateFromDiscriminatorValue, ct);
        }
        catch (GraphCallException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Creates an upload session that fails on an existing name (409) instead of replacing it; returns its URL.</summary>
    public async Task<string> CreateUploadSessionAsync(string driveId, IReadOnlyList<string> path, CancellationToken ct)
    {
        var body = new CreateUploadSessionPostRequestBody
        {
            Item = new DriveItemUploadableProperties
            {
                AdditionalData = new Dictionary<string, object> { ["@microsoft.graph.conflictBehavior"] = "fail" },
            },
        };
        var session = await SendJsonAsync(Method.POST, $"{PathUrl(driveId, path)}/createUploadSession", body, UploadSession.CreateFromDiscriminatorValue, ct);
        return session?.UploadUrl ?? throw new GraphCallException(502, null, "Graph returned an upload session without an uploadUrl.", null);
    }

    /// <summary>One PUT of the whole file; conflictBehavior=fail so a retry never overwrites (409 instead).</summary>
    public async Task<DriveItem> PutContentAsync(string driveId, IReadOnlyList<string> path, Stream content, long length, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"{PathUrl(driveId, path)}/content?@microsoft.graph.conflictBehavior=fail");
        request.Content = new StreamContent(content, 81920);
        request.Content.Headers.ContentLength = length;
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        await AuthorizeAsync(request, ct);
        using var response = await _http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode) throw await GraphCallException.FromResponseAsync(response, ct);
        return await ReadItemAsync(response, ct);
    }

    /// <summary>Deletes an item (to the site's recycle bin); used by <c>check</c> to remove its test file.</summary>
    public async Task DeleteItemAsync(string driveId, string itemId, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"{DriveUrl(driveId)}/items/{Uri.EscapeDataString(itemId)}");
        await AuthorizeAsync(request, ct);
        using var response = await _http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode) throw await GraphCallException.FromResponseAsync(response, ct);
    }

    /// <summary>The next byte the session expects, or null when the session is gone (finished, expired or cancelled).</summary>
    public async Task<long?> GetSessionNextOffsetAsync(string uploadUrl, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uploadUrl);
        using var response = await _http.SendAsync(request, ct);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone) return null;
        if (!response.IsSuccessStatusCode) throw await GraphCallException.FromResponseAsync(response, ct);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        return NextOffset(doc.RootElement);
    }

    /// <summary>
    /// Sends bytes [offset, offset+count) of a file of <paramref name="total"/> bytes to an upload session, without
    /// an Authorization header (the upload URL is pre-authorised; Graph asks that no token is sent there).
    /// </summary>
    public async Task<ChunkResult> PutChunkAsync(string uploadUrl, byte[] buffer, int count, long offset, long total, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, uploadUrl);
        request.Content = new ByteArrayContent(buffer, 0, count);
        request.Content.Headers.ContentLength = count;
        request.Content.Headers.ContentRange = new ContentRangeHeaderValue(offset, offset + count - 1, total);
        using var response = await _http.SendAsync(request, ct);
        if (response.StatusCode == HttpStatusCode.Accepted)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            if (text.Length == 0) return new ChunkResult(null, null);
            using var doc = JsonDocument.Parse(text);
            return new ChunkResult(null, NextOffset(doc.RootElement));
        }
        if (response.IsSuccessStatusCode) return new ChunkResult(await ReadItemAsync(response, ct), null);
        throw await GraphCallException.FromResponseAsync(response, ct);
    }

    /// <summary>The item's bytes, streamed (Graph answers with a redirect to a pre-authorised download URL, followed here).</summary>
    public async Task<Stream> OpenContentAsync(string driveId, string itemId, CancellationToken ct) =>
        await OpenStreamAsync($"{DriveUrl(driveId)}/items/{Uri.EscapeDataString(itemId)}/content", ct)
        ?? throw new GraphCallException(404, "itemNotFound", "The item does not exist.", null);

    public Task<Stream?> OpenThumbnailAsync(string driveId, string itemId, CancellationToken ct) =>
        OpenStreamAsync($"{DriveUrl(driveId)}/items/{Uri.EscapeDataString(itemId)}/thumbnails/0/medium/content", ct);

    private async Task<Stream?> OpenStreamAsync(string url, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        await AuthorizeAsync(request, ct);
        var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            response.Dispose();
            return null;
        }
        if (!response.IsSuccessStatusCode)
        {
            using (response) throw await GraphCallException.FromResponseAsync(response, ct);
        }
        return new ResponseStream(await response.Content.ReadAsStreamAsync(ct), response);
    }

    private async Task AuthorizeAsync(HttpRequestMessage request, CancellationToken ct)
    {
        if (await _tokens.GetTokenAsync(ct) is { } token) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    private async Task<T?> SendJsonAsync<T>(Method method, string url, IParsable? body, ParsableFactory<T> factory, CancellationToken ct)
        where T : IParsable
    {
        var info = new RequestInformation { HttpMethod = method, URI = new Uri(url) };
        info.Headers.Add("Accept", JsonType);
        if (body is not null) info.SetContentFromParsable(_client.RequestAdapter, JsonType, body);
        try
        {
            return await _client.RequestAdapter.SendAsync(info, factory, ErrorMapping, ct);
        }
        catch (ApiException ex)
        {
            throw Convert(ex);
        }
    }

    private static GraphCallException Convert(ApiException ex)
    {
        var retryAfter = ex.ResponseHeaders?.FirstOrDefault(h => string.Equals(h.Key, "Retry-After", StringComparison.OrdinalIgnoreCase)).Value;
        var date = ex.ResponseHeaders?.FirstOrDefault(h => string.Equals(h.Key, "Date", StringComparison.OrdinalIgnoreCase)).Value;
        var error = (ex as ODataError)?.Error;
        return new GraphCallException(ex.ResponseStatusCode, error?.Code, error?.Message ?? ex.Message, GraphCallException.RetryAfterOf(retryAfter, date));
    }

    private static async Task<DriveItem> ReadItemAsync(HttpResponseMessage response, CancellationToken ct)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        var node = await new JsonParseNodeFactory().GetRootParseNodeAsync(JsonType, stream, ct);
        var item = node.GetObjectValue(DriveItem.CreateFromDiscriminatorValue);
        if (item?.Id is null) throw new GraphCallException(502, null, "Graph returned a drive item without an id.", null);
        return item;
    }

    private static long? NextOffset(JsonElement root)
    {
        if (!root.TryGetProperty("nextExpectedRanges", out var ranges) || ranges.ValueKind != JsonValueKind.Array) return null;
        foreach (var range in ranges.EnumerateArray())
        {
            var text = range.GetString();
            if (text is null) continue;
            var dash = text.IndexOf('-', StringComparison.Ordinal);
            var start = dash < 0 ? text : text[..dash];
            if (long.TryParse(start, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var offset)) return offset;
        }
        return null;
    }
}

/// <summary>The answer to a chunk: the finished item (last chunk), or where the session wants to continue.</summary>
public sealed record ChunkResult(DriveItem? Item, long? NextOffset);

/// <summary>A response body that releases its response (and connection) when disposed.</summary>
internal sealed class ResponseStream(Stream inner, HttpResponseMessage response) : Stream
{
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => response.Content.Headers.ContentLength ?? throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => inner.ReadAsync(buffer, offset, count, cancellationToken);
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
            response.Dispose();
        }
        base.Dispose(disposing);
    }
}
