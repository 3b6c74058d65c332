using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VocEdWeek.Bot.Files.SharePoint;

namespace VocEdWeek.Bot.Tests.Fakes;

/// <summary>
/// A Microsoft Graph document library on http://127.0.0.1 (Kestrel, port 0), with state: it keeps the files it
/// was given (path → bytes, size, quickXorHash) and answers like Graph does for what the bot uses — site and drive
/// discovery, simple PUT (…/root:/{path}:/content with conflictBehavior), createUploadSession + chunk PUTs to the
/// upload URL (Content-Range checked exactly: contiguous, 320 KiB multiples but the last, under 60 MiB, and no
/// Authorization header), session status GET, 409 nameAlreadyExists, item by path or id (and its DELETE), content (a 302 to a
/// pre-authorised download URL, as Graph does) and a medium thumbnail for images and videos.
/// It refuses names SharePoint refuses. Faults are switchable: <see cref="Down"/>, <see cref="FailNext"/>,
/// <see cref="Throttle"/>, <see cref="ExpireTokenOnce"/>, <see cref="RejectToken"/>, <see cref="DropNextStoreResponse"/>,
/// <see cref="ExpireSessions"/>, <see cref="ReadOnly"/>. Every request is in <see cref="Requests"/>.
/// </summary>
public sealed class FakeGraph : IAsyncDisposable
{
    public const string SiteHostName = "contoso.sharepoint.com";
    public const string SitePath = "sites/Office";
    public const string SiteId = "contoso.sharepoint.com,0b7e6c5a-1111-4a4a-9c9c-5d5d5d5d5d5d,7f0e2b3c-2222-4b4b-8d8d-6e6e6e6e6e6e";
    public const string DriveId = "b!fakeDefaultDrive-Documents";
    public const string DriveName = "Documents";
    public const string SecondDriveId = "b!fakeSecondDrive-Week";
    public const string SecondDriveName = "活动周资料";
    private const int ChunkUnit = 320 * 1024;
    private const int MaxChunk = 60 * 1024 * 1024;
    private static readonly char[] RefusedInNames = ['"', '*', ':', '<', '>', '?', '/', '\\', '|', '#', '%'];

    private readonly WebApplication _app;
    private readonly Lock _sync = new();
    private readonly List<FakeGraphRequest> _requests = [];
    private readonly Dictionary<string, FakeGraphFile> _files = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Session> _sessions = new(StringComparer.Ordinal);
    private readonly HashSet<string> _rejectedTokens = new(StringComparer.Ordinal);
    private readonly Queue<(int Status, int? RetryAfter)> _failures = new();
    private Func<FakeGraphRequest, bool>? _dropWhen;
    private bool _expireTokenOnce;
    private int _nextId;

    private FakeGraph(WebApplication app) => _app = app;

    /// <summary>Root of the server, e.g. <c>http://127.0.0.1:5123</c>.</summary>
    public string Root { get; private set; } = "";

    /// <summary>For SharePoint:GraphBaseUrl: <c>http://127.0.0.1:port/v1.0</c>.</summary>
    public string BaseUrl => Root + "/v1.0";

    /// <summary>Keep uploaded bytes (tests); false keeps only size and hash (a 1 GiB benchmark).</summary>
    public bool KeepContent { get; init; } = true;

    /// <summary>Answer every request with 503 (Retry-After: 1) until switched back.</summary>
    public bool Down { get; set; }

    /// <summary>
    /// The app may read but not write (e.g. Sites.Read.All only, or Sites.Selected with the read role):
    /// Graph API writes (PUT, POST, DELETE) get 403 accessDenied.
    /// </summary>
    public bool ReadOnly { get; set; }

    /// <summary>Graph API calls without a bearer token get 401 (upload URLs never need one).</summary>
    public bool RequireToken { get; set; }

    /// <summary>Called for each request after it was handled.</summary>
    public Action<FakeGraphRequest>? OnRequest { get; set; }

    /// <summary>Called when a PUT or chunk was stored, before the answer is sent (e.g. to stop a client right after chunk k).</summary>
    public Action<FakeGraphRequest>? OnStored { get; set; }

    public IReadOnlyList<FakeGraphRequest> Requests
    {
        get { lock (_sync) return _requests.ToList(); }
    }

    /// <summary>The stored files by path below the drive root (e.g. 职业教育活动周/…/a.jpg), case-insensitive like SharePoint.</summary>
    public IReadOnlyDictionary<string, FakeGraphFile> Files
    {
        get { lock (_sync) return new Dictionary<string, FakeGraphFile>(_files, StringComparer.OrdinalIgnoreCase); }
    }

    public int OpenSessions
    {
        get { lock (_sync) return _sessions.Count; }
    }

    public static async Task<FakeGraph> StartAsync(bool keepContent = true, int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, port);
            k.Limits.MaxRequestBodySize = null;
        });
        var app = builder.Build();
        var fake = new FakeGraph(app) { KeepContent = keepContent };
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        fake.Root = address.TrimEnd('/');
        return fake;
    }

    /// <summary>The next <paramref name="count"/> requests get this status (503 by default), with Retry-After if given.</summary>
    public void FailNext(int count, int status = 503, int? retryAfterSeconds = null)
    {
        lock (_sync) for (var i = 0; i < count; i++) _failures.Enqueue((status, retryAfterSeconds));
    }

    /// <summary>Retry-After as an HTTP date (with the server's Date header) instead of seconds.</summary>
    public bool RetryAfterAsDate { get; set; }

    /// <summary>The next <paramref name="count"/> requests get 429 with Retry-After.</summary>
    public void Throttle(int count, int retryAfterSeconds) => FailNext(count, 429, retryAfterSeconds);

    /// <summary>The next request that carries a token gets 401 InvalidAuthenticationToken.</summary>
    public void ExpireTokenOnce()
    {
        lock (_sync) _expireTokenOnce = true;
    }

    /// <summary>This token is no longer accepted (401 InvalidAuthenticationToken whenever it comes).</summary>
    public void RejectToken(string token)
    {
        lock (_sync) _rejectedTokens.Add(token);
    }

    /// <summary>The next request that stores bytes (a PUT or a chunk; matching <paramref name="when"/>) is stored, then the connection is cut before the answer.</summary>
    public void DropNextStoreResponse(Func<FakeGraphRequest, bool>? when = null)
    {
        lock (_sync) _dropWhen = when ?? (_ => true);
    }

    /// <summary>All open upload sessions end (their URLs answer 404), as after their expiry.</summary>
    public void ExpireSessions()
    {
        lock (_sync) _sessions.Clear();
    }

    /// <summary>Puts a file in place as if someone else had uploaded it.</summary>
    public FakeGraphFile Seed(string path, byte[] content)
    {
        lock (_sync) return Store(path, content.Length, QuickXorHash.Of(content), content);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var raw = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var query = raw.Contains('?', StringComparison.Ordinal) ? raw[(raw.IndexOf('?', StringComparison.Ordinal) + 1)..] : "";
        var target = raw.Contains('?', StringComparison.Ordinal) ? raw[..raw.IndexOf('?', StringComparison.Ordinal)] : raw;
        var authorization = context.Request.Headers.Authorization.ToString();
        var record = new FakeGraphRequest
        {
            Method = context.Request.Method,
            Target = Uri.UnescapeDataString(target),
            RawTarget = target,
            Query = Uri.UnescapeDataString(query),
            Authorization = authorization.Length == 0 ? null : authorization,
            ContentRange = context.Request.Headers.ContentRange.ToString() is { Length: > 0 } range ? range : null,
            ContentLength = context.Request.ContentLength,
            At = DateTimeOffset.UtcNow,
        };
        lock (_sync) _requests.Add(record);
        try
        {
            await RouteAsync(context, target, query, record);
        }
        finally
        {
            record.Status = context.Response.StatusCode;
            OnRequest?.Invoke(record);
        }
    }

    private async Task RouteAsync(HttpContext context, string target, string query, FakeGraphRequest record)
    {
        if (target.StartsWith("/_download/", StringComparison.Ordinal))
        {
            await DownloadAsync(context, Uri.UnescapeDataString(target["/_download/".Length..]));
            return;
        }
        (int Status, int? RetryAfter)? failure = null;
        lock (_sync)
        {
            if (Down) failure = (503, 1);
            else if (_failures.Count > 0) failure = _failures.Dequeue();
        }
        if (failure is { } f)
        {
            if (f.RetryAfter is { } seconds && RetryAfterAsDate)
            {
                // Whole seconds, as HTTP dates are: the server's Date and the retry date differ by exactly this.
                var now = DateTimeOffset.UtcNow;
                now = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
                context.Response.Headers.Date = now.ToString("R", CultureInfo.InvariantCulture);
                context.Response.Headers.RetryAfter = now.AddSeconds(seconds).ToString("R", CultureInfo.InvariantCulture);
            }
            else if (f.RetryAfter is { } delta)
            {
                context.Response.Headers.RetryAfter = delta.ToString(CultureInfo.InvariantCulture);
            }
            await Error(context, f.Status, f.Status == 429 ? "activityLimitReached" : "serviceNotAvailable", "Injected fault.");
            return;
        }

        if (target.StartsWith("/upload/", StringComparison.Ordinal))
        {
            record.Kind = "session";
            // Graph: sending the Authorization header to the upload URL may fail the upload.
            if (record.Authorization is not null)
            {
                await Error(context, 401, "unauthenticated", "Do not send an Authorization header to the upload URL.");
                return;
            }
            await SessionAsync(context, target["/upload/".Length..], record);
            return;
        }
        if (!target.StartsWith("/v1.0/", StringComparison.Ordinal))
        {
            await Error(context, 404, "notFound", "Not a Graph URL.");
            return;
        }
        if (!await TokenOkAsync(context, record)) return;
        if (ReadOnly && context.Request.Method is "PUT" or "POST" or "DELETE")
        {
            await Error(context, 403, "accessDenied", "Either scp or roles claim need to be present in the token.");
            return;
        }
        var path = target["/v1.0".Length..];

        if (path.StartsWith("/sites/", StringComparison.Ordinal))
        {
            await SitesAsync(context, path["/sites/".Length..]);
            return;
        }
        var drivePrefix = "/drives/";
        if (!path.StartsWith(drivePrefix, StringComparison.Ordinal))
        {
            await Error(context, 400, "invalidRequest", "Unsupported resource.");
            return;
        }
        var rest = path[drivePrefix.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var drive = Uri.UnescapeDataString(slash < 0 ? rest : rest[..slash]);
        if (drive is not DriveId and not SecondDriveId)
        {
            await Error(context, 404, "itemNotFound", "No such drive.");
            return;
        }
        rest = slash < 0 ? "" : rest[slash..];
        if (rest.StartsWith("/root:/", StringComparison.Ordinal))
        {
            await ByPathAsync(context, rest["/root:/".Length..], query, record);
            return;
        }
        if (rest.StartsWith("/items/", StringComparison.Ordinal))
        {
            await ByIdAsync(context, rest["/items/".Length..]);
            return;
        }
        await Error(context, 400, "invalidRequest", "Unsupported resource.");
    }

    private async Task<bool> TokenOkAsync(HttpContext context, FakeGraphRequest record)
    {
        var token = record.Authorization is { } a && a.StartsWith("Bearer ", StringComparison.Ordinal) ? a["Bearer ".Length..] : null;
        bool refuse;
        lock (_sync)
        {
            refuse = (token is not null && (_rejectedTokens.Contains(token) || _expireTokenOnce)) || (token is null && RequireToken);
            if (token is not null && _expireTokenOnce) _expireTokenOnce = false;
        }
        if (!refuse) return true;
        await Error(context, 401, "InvalidAuthenticationToken", token is null ? "Access token is empty." : "Lifetime validation failed, the token is expired.");
        return false;
    }

    private async Task SitesAsync(HttpContext context, string rest)
    {
        var decoded = Uri.UnescapeDataString(rest);
        if (decoded.Equals($"{SiteHostName}:/{SitePath}", StringComparison.OrdinalIgnoreCase) || decoded.Equals($"{SiteHostName}:/{SitePath}:", StringComparison.OrdinalIgnoreCase))
        {
            await Json(context, 200, new JsonObject { ["id"] = SiteId, ["name"] = "Office", ["webUrl"] = $"https://{SiteHostName}/{SitePath}" });
            return;
        }
        if (decoded.Equals($"{SiteId}/drive", StringComparison.Ordinal))
        {
            await Json(context, 200, DriveJson(DriveId, DriveName));
            return;
        }
        if (decoded.Equals($"{SiteId}/drives", StringComparison.Ordinal))
        {
            await Json(context, 200, new JsonObject { ["value"] = new JsonArray(DriveJson(DriveId, DriveName), DriveJson(SecondDriveId, SecondDriveName)) });
            return;
        }
        await Error(context, 404, "itemNotFound", "Requested site could not be found");
    }

    private async Task ByPathAsync(HttpContext context, string rawRest, string query, FakeGraphRequest record)
    {
        // {path}: | {path}:/content | {path}:/createUploadSession — names are escaped, so a ':' here is syntax.
        var colon = rawRest.IndexOf(':', StringComparison.Ordinal);
        var rawPath = colon < 0 ? rawRest : rawRest[..colon];
        var action = colon < 0 ? "" : rawRest[(colon + 1)..];
        var segments = rawPath.Split('/').Select(Uri.UnescapeDataString).ToArray();
        var path = string.Join('/', segments);
        record.ItemPath = path;
        if (InvalidName(segments) is { } problem)
        {
            await Error(context, 400, "invalidRequest", problem);
            return;
        }
        switch (context.Request.Method, action)
        {
            case ("GET", ""):
                FakeGraphFile? file;
                lock (_sync) _files.TryGetValue(path, out file);
                if (file is null) await Error(context, 404, "itemNotFound", "The resource could not be found.");
                else await Json(context, 200, ItemJson(file));
                return;
            case ("PUT", "/content"):
                record.Kind = "put";
                await SimplePutAsync(context, path, ConflictBehavior(query) ?? "replace", record);
                return;
            case ("POST", "/createUploadSession"):
                record.Kind = "create";
                await CreateSessionAsync(context, path);
                return;
            default:
                await Error(context, 400, "invalidRequest", $"Unsupported: {context.Request.Method} {action}");
                return;
        }
    }

    private async Task SimplePutAsync(HttpContext context, string path, string conflict, FakeGraphRequest record)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var bytes = body.ToArray();
        if (bytes.Length > 250L * 1024 * 1024)
        {
            await Error(context, 413, "requestTooLarge", "Simple upload only supports files up to 250 MB.");
            return;
        }
        FakeGraphFile stored;
        lock (_sync)
        {
            var target = Resolve(path, conflict);
            if (target is null) { stored = null!; }
            else stored = Store(target, bytes.Length, QuickXorHash.Of(bytes), bytes);
        }
        if (stored is null)
        {
            await Error(context, 409, "nameAlreadyExists", "The specified item name already exists.");
            return;
        }
        record.Completes = true;
        OnStored?.Invoke(record);
        if (ShouldDrop(record)) { context.Abort(); return; }
        await Json(context, 201, ItemJson(stored));
    }

    private async Task CreateSessionAsync(HttpContext context, string path)
    {
        var conflict = "fail";
        if (context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            using var doc = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            if (doc.RootElement.TryGetProperty("item", out var item) && item.TryGetProperty("@microsoft.graph.conflictBehavior", out var c))
                conflict = c.GetString() ?? conflict;
        }
        string id;
        lock (_sync)
        {
            if (conflict == "fail" && _files.ContainsKey(path)) id = "";
            else
            {
                id = $"s{Interlocked.Increment(ref _nextId)}-{Guid.NewGuid():N}";
                _sessions[id] = new Session(path, conflict, KeepContent ? new MemoryStream() : null);
            }
        }
        if (id.Length == 0)
        {
            await Error(context, 409, "nameAlreadyExists", "The specified item name already exists.");
            return;
        }
        await Json(context, 200, new JsonObject
        {
            ["uploadUrl"] = $"{Root}/upload/{id}",
            ["expirationDateTime"] = DateTimeOffset.UtcNow.AddDays(1).ToString("O", CultureInfo.InvariantCulture),
            ["nextExpectedRanges"] = new JsonArray("0-"),
        });
    }

    private async Task SessionAsync(HttpContext context, string id, FakeGraphRequest record)
    {
        Session? session;
        lock (_sync) _sessions.TryGetValue(id, out session);
        if (session is null)
        {
            await Error(context, 404, "itemNotFound", "The upload session was not found.");
            return;
        }
        switch (context.Request.Method)
        {
            case "GET":
                record.Kind = "status";
                await Json(context, 200, SessionStatus(session));
                return;
            case "DELETE":
                lock (_sync) _sessions.Remove(id);
                context.Response.StatusCode = 204;
                return;
            case "PUT":
                record.Kind = "chunk";
                await ChunkAsync(context, id, session, record);
                return;
            default:
                await Error(context, 405, "invalidRequest", "Method not allowed.");
                return;
        }
    }

    private async Task ChunkAsync(HttpContext context, string id, Session session, FakeGraphRequest record)
    {
        if (!TryParseRange(record.ContentRange, out var start, out var end, out var total))
        {
            await Error(context, 400, "invalidRange", $"Bad Content-Range '{record.ContentRange}'.");
            return;
        }
        var length = end - start + 1;
        if (record.ContentLength != length)
        {
            await Error(context, 400, "invalidRange", $"Content-Length {record.ContentLength} does not match Content-Range {record.ContentRange}.");
            return;
        }
        if (length >= MaxChunk)
        {
            await Error(context, 413, "requestTooLarge", "A fragment must be smaller than 60 MiB.");
            return;
        }
        var isLast = end + 1 == total;
        if (!isLast && length % ChunkUnit != 0)
        {
            await Error(context, 400, "invalidRange", "Fragments must be a multiple of 320 KiB, except the last.");
            return;
        }
        var buffer = new byte[length];
        await context.Request.Body.ReadExactlyAsync(buffer, context.RequestAborted);
        FakeGraphFile? committed = null;
        var conflict = false;
        lock (_sync)
        {
            if ((session.Total is { } known && known != total) || start != session.Next)
            {
                session = null!;
            }
            else
            {
                session.Total = total;
                session.Content?.Write(buffer);
                session.Hash.Append(buffer);
                session.Next = end + 1;
                if (isLast)
                {
                    _sessions.Remove(id);
                    var target = Resolve(session.Path, session.Conflict);
                    if (target is null) conflict = true;
                    else committed = Store(target, total, session.Hash.FinishBase64(), session.Content?.ToArray());
                }
            }
        }
        if (session is null)
        {
            await Error(context, 416, "invalidRange", "The range is not the next expected range.");
            return;
        }
        if (conflict)
        {
            await Error(context, 409, "nameAlreadyExists", "The specified item name already exists.");
            return;
        }
        record.Completes = committed is not null;
        OnStored?.Invoke(record);
        if (ShouldDrop(record)) { context.Abort(); return; }
        if (committed is not null) await Json(context, 201, ItemJson(committed));
        else await Json(context, 202, SessionStatus(session));
    }

    private async Task ByIdAsync(HttpContext context, string rest)
    {
        var parts = rest.Split('/', 2);
        var id = Uri.UnescapeDataString(parts[0]);
        FakeGraphFile? file;
        lock (_sync) file = _files.Values.FirstOrDefault(f => f.Id == id);
        if (file is null)
        {
            await Error(context, 404, "itemNotFound", "The resource could not be found.");
            return;
        }
        var action = parts.Length > 1 ? parts[1] : "";
        switch (action)
        {
            case "" when context.Request.Method == "DELETE":
                lock (_sync) _files.Remove(file.Path);
                context.Response.StatusCode = 204;
                return;
            case "":
                await Json(context, 200, ItemJson(file));
                return;
            case "content":
                // Graph answers with a redirect to a short-lived, pre-authorised download URL.
                context.Response.StatusCode = 302;
                context.Response.Headers.Location = $"{Root}/_download/{Uri.EscapeDataString(file.Id)}";
                return;
            case "thumbnails/0/medium/content":
                var ext = Path.GetExtension(file.Name).ToLowerInvariant();
                if (ext is not (".jpg" or ".jpeg" or ".png" or ".gif" or ".heic" or ".mp4" or ".mov"))
                {
                    await Error(context, 404, "itemNotFound", "No thumbnail for this item.");
                    return;
                }
                context.Response.ContentType = "image/jpeg";
                await context.Response.Body.WriteAsync(Thumbnail(file));
                return;
            default:
                await Error(context, 400, "invalidRequest", "Unsupported item resource.");
                return;
        }
    }

    /// <summary>The fake's thumbnail for a file: recognisable bytes, different from the file's.</summary>
    public static byte[] Thumbnail(FakeGraphFile file) => System.Text.Encoding.UTF8.GetBytes($"thumbnail of {file.Id}");

    private async Task DownloadAsync(HttpContext context, string id)
    {
        FakeGraphFile? file;
        lock (_sync) file = _files.Values.FirstOrDefault(f => f.Id == id);
        if (file?.Content is null)
        {
            context.Response.StatusCode = 404;
            return;
        }
        context.Response.ContentType = "application/octet-stream";
        context.Response.ContentLength = file.Content.Length;
        await context.Response.Body.WriteAsync(file.Content);
    }

    private bool ShouldDrop(FakeGraphRequest record)
    {
        lock (_sync)
        {
            if (_dropWhen is not { } when || !when(record)) return false;
            _dropWhen = null;
            return true;
        }
    }

    /// <summary>The path a new item goes to under the conflict behaviour, or null for a 409. Call under the lock.</summary>
    private string? Resolve(string path, string conflict)
    {
        if (!_files.ContainsKey(path)) return path;
        switch (conflict)
        {
            case "replace": return path;
            case "rename":
                var folder = path.Contains('/', StringComparison.Ordinal) ? path[..(path.LastIndexOf('/') + 1)] : "";
                var name = path[folder.Length..];
                for (var n = 1; ; n++)
                {
                    var candidate = $"{folder}{Path.GetFileNameWithoutExtension(name)} {n}{Path.GetExtension(name)}";
                    if (!_files.ContainsKey(candidate)) return candidate;
                }
            default: return null;
        }
    }

    /// <summary>Call under the lock.</summary>
    private FakeGraphFile Store(string path, long size, string hash, byte[]? content)
    {
        var existing = _files.GetValueOrDefault(path);
        var file = new FakeGraphFile(existing?.Id ?? $"01FAKE{Interlocked.Increment(ref _nextId):D6}", path, path[(path.LastIndexOf('/') + 1)..], size, hash, KeepContent ? content : null);
        _files[path] = file;
        return file;
    }

    private static string? InvalidName(string[] segments)
    {
        if (segments.Sum(s => s.Length + 1) - 1 > 400) return "The path is longer than 400 characters.";
        foreach (var s in segments)
        {
            if (s.Length == 0) return "Empty path segment.";
            if (s.Length > 255) return "A name is longer than 255 characters.";
            if (s.IndexOfAny(RefusedInNames) >= 0) return $"The name '{s}' contains a character SharePoint does not allow.";
            if (s != s.Trim() || s.EndsWith('.')) return $"The name '{s}' starts or ends with a space or dot.";
            if (s.Contains("_vti_", StringComparison.OrdinalIgnoreCase) || s.StartsWith("~$", StringComparison.Ordinal)) return $"The name '{s}' is reserved.";
            if (s.EnumerateRunes().Any(r => !r.IsBmp || r.Value < 0x20)) return $"The name '{s}' contains characters the bot should have removed.";
        }
        return null;
    }

    private static string? ConflictBehavior(string query)
    {
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            if (Uri.UnescapeDataString(kv[0]) == "@microsoft.graph.conflictBehavior" && kv.Length == 2) return Uri.UnescapeDataString(kv[1]);
        }
        return null;
    }

    private static bool TryParseRange(string? header, out long start, out long end, out long total)
    {
        start = end = total = 0;
        if (header is null || !header.StartsWith("bytes ", StringComparison.Ordinal)) return false;
        var parts = header["bytes ".Length..].Split('/');
        if (parts.Length != 2) return false;
        var range = parts[0].Split('-');
        return range.Length == 2
            && long.TryParse(range[0], NumberStyles.None, CultureInfo.InvariantCulture, out start)
            && long.TryParse(range[1], NumberStyles.None, CultureInfo.InvariantCulture, out end)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out total)
            && start <= end && end < total;
    }

    private static JsonObject SessionStatus(Session session) => new()
    {
        ["expirationDateTime"] = DateTimeOffset.UtcNow.AddDays(1).ToString("O", CultureInfo.InvariantCulture),
        ["nextExpectedRanges"] = new JsonArray($"{session.Next}-"),
    };

    private static JsonObject DriveJson(string id, string name) => new()
    {
        ["id"] = id,
        ["name"] = name,
        ["driveType"] = "documentLibrary",
        ["webUrl"] = $"https://{SiteHostName}/{SitePath}/{Uri.EscapeDataString(name)}",
    };

    private static JsonObject ItemJson(FakeGraphFile file) => new()
    {
        ["id"] = file.Id,
        ["name"] = file.Name,
        ["size"] = file.Size,
        ["webUrl"] = file.WebUrl,
        ["file"] = new JsonObject
        {
            ["mimeType"] = "application/octet-stream",
            ["hashes"] = new JsonObject { ["quickXorHash"] = file.QuickXorHash },
        },
        ["parentReference"] = new JsonObject
        {
            ["driveId"] = DriveId,
            ["path"] = "/drive/root:/" + (file.Path.Contains('/', StringComparison.Ordinal) ? file.Path[..file.Path.LastIndexOf('/')] : ""),
        },
    };

    private static Task Json(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body.ToJsonString());
    }

    private static Task Error(HttpContext context, int status, string code, string message) =>
        Json(context, status, new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } });

    private sealed class Session(string path, string conflict, MemoryStream? content)
    {
        public string Path { get; } = path;
        public string Conflict { get; } = conflict;
        public MemoryStream? Content { get; } = content;
        public QuickXorHash Hash { get; } = new();
        public long Next { get; set; }
        public long? Total { get; set; }
    }
}

/// <summary>A file the fake holds; <see cref="Content"/> is null when it keeps sizes and hashes only.</summary>
public sealed record FakeGraphFile(string Id, string Path, string Name, long Size, string QuickXorHash, byte[]? Content)
{
    public string WebUrl => $"https://{FakeGraph.SiteHostName}/{FakeGraph.SitePath}/Shared%20Documents/{string.Join('/', Path.Split('/').Select(Uri.EscapeDataString))}";
}

/// <summary>One request as the fake saw it.</summary>
public sealed class FakeGraphRequest
{
    public required string Method { get; init; }
    /// <summary>Unescaped path, e.g. /v1.0/drives/b!…/root:/职业教育活动周/a.jpg:/content.</summary>
    public required string Target { get; init; }
    /// <summary>The path as sent (still escaped), without the query.</summary>
    public required string RawTarget { get; init; }
    public required string Query { get; init; }
    public string? Authorization { get; init; }
    public string? ContentRange { get; init; }
    public long? ContentLength { get; init; }
    public DateTimeOffset At { get; init; }
    /// <summary>"put", "create", "chunk", "status" or null for other calls.</summary>
    public string? Kind { get; set; }
    /// <summary>The item path for path-addressed calls.</summary>
    public string? ItemPath { get; set; }
    /// <summary>This request completed a file (a simple PUT, or a session's last chunk).</summary>
    public bool Completes { get; set; }
    public int Status { get; set; }
}
