using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Tests.Fakes;
using static VocEdWeek.Bot.Tests.Files.SharePoint.SharePointHarness;

namespace VocEdWeek.Bot.Tests.Files.SharePoint;

/// <summary>Throttling, outages, lost connections, expired tokens and refusals, against real HTTP servers.</summary>
public sealed class SharePointResilienceTests : IAsyncLifetime
{
    private const int Chunk = 320 * 1024;
    private FakeGraph _graph = null!;
    private FakeTokenServer _tokens = null!;

    public async Task InitializeAsync()
    {
        _graph = await FakeGraph.StartAsync();
        _tokens = await FakeTokenServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _graph.DisposeAsync();
        await _tokens.DisposeAsync();
    }

    /// <summary>App-only credentials against the local token server (real Azure.Identity client-credentials flow).</summary>
    private VocEdWeek.Bot.Files.SharePoint.SharePointFileStore StoreWithCredentials() => Store(_graph, new()
    {
        ["MicrosoftAppTenantId"] = "contoso.onmicrosoft.com",
        ["MicrosoftAppId"] = "00000000-0000-0000-0000-0000000000b0",
        ["MicrosoftAppPassword"] = "bot-secret",
        ["SharePoint:AuthorityHost"] = _tokens.BaseUrl,
    }, _tokens.CreateTrustingHandler());

    [Fact]
    public async Task Throttling_waits_as_long_as_Retry_After_says()
    {
        _graph.Throttle(1, retryAfterSeconds: 1);
        var content = Bytes(1000);

        await Store(_graph).UploadAsync(Upload("a.jpg", content), OpenAt(content), new MemoryCheckpoint(), default);

        var puts = _graph.Requests.Where(r => r.Kind == "put" || r.Status == 429).ToList();
        Assert.Equal([429, 201], puts.Select(r => r.Status));
        Assert.True(puts[1].At - puts[0].At >= TimeSpan.FromMilliseconds(950), $"waited {(puts[1].At - puts[0].At).TotalMilliseconds} ms");
        Assert.Single(_graph.Files);
    }

    [Theory]
    [InlineData(1000, "put")] // one PUT (plain HTTP)
    [InlineData(Chunk + 1, "create")] // creating an upload session (through the Graph SDK)
    public async Task A_Retry_After_given_as_an_HTTP_date_is_waited_for_too(int size, string kind)
    {
        _graph.RetryAfterAsDate = true;
        _graph.Throttle(1, retryAfterSeconds: 2);
        var content = Bytes(size, 2);

        await Store(_graph).UploadAsync(Upload("a.mp4", content), OpenAt(content), new MemoryCheckpoint(), default);

        var first = _graph.Requests[0];
        Assert.Equal(429, first.Status);
        var next = _graph.Requests[1];
        Assert.Equal(kind, next.Kind);
        Assert.True(next.At - first.At >= TimeSpan.FromMilliseconds(1900), $"waited {(next.At - first.At).TotalMilliseconds} ms");
        Assert.Single(_graph.Files);
    }

    [Fact]
    public async Task Outages_and_bad_gateways_are_retried_with_backoff()
    {
        _graph.FailNext(1, 503);
        _graph.FailNext(1, 502);
        _graph.FailNext(1, 504);
        var content = Bytes(2 * Chunk + 3, 2);

        var file = await Store(_graph).UploadAsync(Upload("v.mp4", content), OpenAt(content), new MemoryCheckpoint(), default);

        Assert.Equal(content, _graph.Files[file.Path].Content);
        Assert.Equal([503, 502, 504], _graph.Requests.Take(3).Select(r => r.Status));
    }

    [Fact]
    public async Task Outages_in_the_middle_of_a_session_continue_where_the_server_stands()
    {
        var content = Bytes(5 * Chunk + 3, 3);
        var failed = false;
        // After the second chunk, the next two requests fail: the store asks for the status and continues.
        _graph.OnStored = r => { if (!failed && r.ContentRange!.StartsWith($"bytes {Chunk}-", StringComparison.Ordinal)) { failed = true; _graph.FailNext(2, 503); } };

        var file = await Store(_graph).UploadAsync(Upload("v.mp4", content), OpenAt(content), new MemoryCheckpoint(), default);

        Assert.Equal(content, _graph.Files[file.Path].Content);
        var accepted = _graph.Requests.Where(r => r.Kind == "chunk" && r.Status is 201 or 202).Select(r => r.ContentRange).ToList();
        Assert.Equal(6, accepted.Count);
        Assert.Equal(accepted.Count, accepted.Distinct().Count());
        Assert.Single(_graph.Requests, r => r.Kind == "create");
    }

    [Fact]
    public async Task A_cut_connection_in_the_middle_of_a_session_resends_only_what_is_missing()
    {
        var content = Bytes(4 * Chunk + 9, 4);
        _graph.DropNextStoreResponse(r => r.ContentRange!.StartsWith($"bytes {Chunk}-", StringComparison.Ordinal));

        var file = await Store(_graph).UploadAsync(Upload("v.mp4", content), OpenAt(content), new MemoryCheckpoint(), default);

        Assert.Equal(content, _graph.Files[file.Path].Content);
        var ranges = _graph.Requests.Where(r => r.Kind == "chunk").Select(r => r.ContentRange).ToList();
        Assert.Equal(5, ranges.Count);
        Assert.Equal(5, ranges.Distinct().Count());
        Assert.Single(_graph.Requests, r => r.Kind == "status");
    }

    [Fact]
    public async Task A_long_outage_ends_the_call_as_transient_and_the_next_call_finishes_the_same_session()
    {
        var content = Bytes(3 * Chunk + 1, 5);
        var checkpoint = new MemoryCheckpoint();
        var store = Store(_graph, new() { ["SharePoint:MaxAttempts"] = "3" });
        _graph.OnStored = r => { if (r.Kind == "chunk") _graph.Down = true; };

        var ex = await Assert.ThrowsAsync<RemoteStoreException>(() => store.UploadAsync(Upload("v.mp4", content), OpenAt(content), checkpoint, default));

        Assert.Equal(RemoteFailure.Transient, ex.Failure);
        Assert.Contains("try again later", ex.Message, StringComparison.Ordinal);
        Assert.NotNull(checkpoint.SessionUrl);
        _graph.OnStored = null;
        _graph.Down = false;

        var file = await store.UploadAsync(Upload("v.mp4", content), OpenAt(content), checkpoint, default);

        Assert.Equal(content, _graph.Files[file.Path].Content);
        Assert.Single(_graph.Requests, r => r.Kind == "create");
        Assert.Equal(4, _graph.Requests.Count(r => r.Kind == "chunk" && r.Status is 201 or 202));
    }

    [Fact]
    public async Task A_Retry_After_beyond_the_cap_is_handed_to_the_caller_at_once()
    {
        _graph.Throttle(1, retryAfterSeconds: 120);
        var content = Bytes(1000);

        var ex = await Assert.ThrowsAsync<RemoteStoreException>(() =>
            Store(_graph).UploadAsync(Upload("a.jpg", content), OpenAt(content), new MemoryCheckpoint(), default));

        Assert.Equal(RemoteFailure.Transient, ex.Failure);
        Assert.Equal(TimeSpan.FromSeconds(120), ex.RetryAfter);
        Assert.Single(_graph.Requests);
    }

    [Theory]
    [InlineData(403, "Sites.Selected")]
    [InlineData(507, "full")]
    [InlineData(400, "name")]
    public async Task Refusals_are_permanent_and_not_retried(int status, string hint)
    {
        _graph.FailNext(1, status);
        var content = Bytes(1000);

        var ex = await Assert.ThrowsAsync<RemoteStoreException>(() =>
            Store(_graph).UploadAsync(Upload("a.jpg", content), OpenAt(content), new MemoryCheckpoint(), default));

        Assert.Equal(RemoteFailure.Permanent, ex.Failure);
        Assert.Contains(hint, ex.Message, StringComparison.Ordinal);
        Assert.Single(_graph.Requests);
    }

    [Fact]
    public async Task Uploads_carry_the_app_token_to_Graph_but_never_to_the_upload_url()
    {
        _graph.RequireToken = true;
        var content = Bytes(2 * Chunk + 1, 6);

        await StoreWithCredentials().UploadAsync(Upload("v.mp4", content), OpenAt(content), new MemoryCheckpoint(), default);

        var graphCalls = _graph.Requests.Where(r => r.Target.StartsWith("/v1.0/", StringComparison.Ordinal)).ToList();
        var chunks = _graph.Requests.Where(r => r.Kind == "chunk").ToList();
        Assert.NotEmpty(graphCalls);
        Assert.NotEmpty(chunks);
        Assert.All(graphCalls, r => Assert.Equal("Bearer fake-token-1", r.Authorization));
        Assert.All(chunks, r => Assert.Null(r.Authorization));
        var token = Assert.Single(_tokens.Requests);
        Assert.EndsWith("/contoso.onmicrosoft.com/oauth2/v2.0/token", token.Path, StringComparison.Ordinal);
        Assert.Equal("client_credentials", token.Form["grant_type"]);
        Assert.Equal("00000000-0000-0000-0000-0000000000b0", token.Form["client_id"]);
        Assert.Equal($"{new Uri(_graph.Root).GetLeftPart(UriPartial.Authority)}/.default", token.Form["scope"]);
    }

    [Fact]
    public async Task An_expired_token_is_refreshed_once_and_the_call_repeated()
    {
        _graph.RequireToken = true;
        var store = StoreWithCredentials();
        var first = Bytes(100, 7);
        await store.UploadAsync(Upload("1.jpg", first), OpenAt(first), new MemoryCheckpoint(), default);
        _graph.RejectToken("fake-token-1");
        var second = Bytes(100, 8);

        await store.UploadAsync(Upload("2.jpg", second), OpenAt(second), new MemoryCheckpoint(), default);

        Assert.Equal(2, _graph.Files.Count);
        Assert.Equal(2, _tokens.Requests.Count);
        var puts = _graph.Requests.Where(r => r.Target.EndsWith("/2.jpg:/content", StringComparison.Ordinal)).ToList();
        Assert.Equal([401, 201], puts.Select(r => r.Status));
        Assert.Equal("Bearer fake-token-2", puts[1].Authorization);
    }

    [Fact]
    public async Task A_token_refused_again_after_a_refresh_is_reported_not_looped()
    {
        _graph.RequireToken = true;
        _graph.RejectToken("fake-token-1");
        _graph.RejectToken("fake-token-2");
        var content = Bytes(100, 9);

        var ex = await Assert.ThrowsAsync<RemoteStoreException>(() =>
            StoreWithCredentials().UploadAsync(Upload("1.jpg", content), OpenAt(content), new MemoryCheckpoint(), default));

        Assert.Equal(RemoteFailure.Transient, ex.Failure);
        Assert.Equal(2, _graph.Requests.Count);
        Assert.Empty(_graph.Files);
    }

    [Fact]
    public async Task A_token_endpoint_that_refuses_is_reported_with_its_reason()
    {
        _tokens.Failure = (401, """{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided."}""");
        var content = Bytes(100, 10);

        var ex = await Assert.ThrowsAsync<RemoteStoreException>(() =>
            StoreWithCredentials().UploadAsync(Upload("1.jpg", content), OpenAt(content), new MemoryCheckpoint(), default));

        Assert.Equal(RemoteFailure.Transient, ex.Failure);
        Assert.Contains("token", ex.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(_graph.Requests);
    }

    [Fact]
    public async Task A_missing_local_copy_is_permanent()
    {
        var ex = await Assert.ThrowsAsync<RemoteStoreException>(() =>
            Store(_graph).UploadAsync(new RemoteUpload(["w"], "gone.jpg", 10), _ => throw new FileNotFoundException("gone.jpg"), new MemoryCheckpoint(), default));

        Assert.Equal(RemoteFailure.Permanent, ex.Failure);
    }
}
