using Microsoft.Extensions.Logging.Abstractions;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Protocol;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace VocEdWeek.Bot.Tests.Protocol;

/// <summary>
/// Writing an accepted file to a OneDrive upload session (a WireMock server on 127.0.0.1): fragments of 320 KiB multiples
/// with exact Content-Range values, no Authorization header, retries when busy, following nextExpectedRanges, failing cleanly.
/// </summary>
public sealed class ConsentUploaderTests : IDisposable
{
    private const int Total = 1_000_000;
    private readonly WireMockServer _server = WireMockServer.Start();
    private readonly byte[] _file = RandomBytes(Total);

    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
    }

    [Fact]
    public async Task LargeFile_GoesIn320KiBFragments_WithExactRanges_AndNoToken()
    {
        Session("/s", lastRange: "bytes 983040-999999/1000000");

        var result = await Uploader().UploadAsync(Target("/s"), new MemoryStream(_file), Total, CancellationToken.None);

        Assert.True(result.Uploaded, result.Error);
        var puts = _server.LogEntries.Select(e => e.RequestMessage!).ToList();
        Assert.Equal(
            ["bytes 0-327679/1000000", "bytes 327680-655359/1000000", "bytes 655360-983039/1000000", "bytes 983040-999999/1000000"],
            puts.Select(p => p.Headers!["Content-Range"].Single()));
        Assert.All(puts, p => Assert.Equal("PUT", p.Method));
        Assert.All(puts, p => Assert.False(p.Headers!.ContainsKey("Authorization")));
        Assert.Equal([327680, 327680, 327680, 16960], puts.Select(p => p.BodyAsBytes!.Length));
        Assert.Equal(_file, puts.SelectMany(p => p.BodyAsBytes!).ToArray());
    }

    [Fact]
    public async Task SmallFile_IsOnePut_CoveringTheWholeFile()
    {
        Session("/small", lastRange: "bytes 0-1233/1234");

        var result = await Uploader().UploadAsync(Target("/small"), new MemoryStream(_file, 0, 1234), 1234, CancellationToken.None);

        Assert.True(result.Uploaded, result.Error);
        Assert.Equal("bytes 0-1233/1234", Assert.Single(_server.LogEntries).RequestMessage!.Headers!["Content-Range"].Single());
    }

    [Fact]
    public async Task BusyServer_IsRetried_AndTheFragmentSentAgain()
    {
        _server.Given(Request.Create().WithPath("/busy").UsingPut()).InScenario("busy").WillSetStateTo("ok")
            .RespondWith(Response.Create().WithStatusCode(503));
        _server.Given(Request.Create().WithPath("/busy").UsingPut()).InScenario("busy").WhenStateIs("ok")
            .RespondWith(Response.Create().WithStatusCode(201).WithBodyAsJson(new { id = "1" }));

        var result = await Uploader().UploadAsync(Target("/busy"), new MemoryStream(_file, 0, 5000), 5000, CancellationToken.None);

        Assert.True(result.Uploaded, result.Error);
        Assert.Equal(["bytes 0-4999/5000", "bytes 0-4999/5000"], _server.LogEntries.Select(e => e.RequestMessage!.Headers!["Content-Range"].Single()));
    }

    [Fact]
    public async Task Refusal_IsNotRetried_AndReportsTheStatus()
    {
        _server.Given(Request.Create().WithPath("/gone").UsingPut()).RespondWith(Response.Create().WithStatusCode(404));

        var result = await Uploader().UploadAsync(Target("/gone"), new MemoryStream(_file), Total, CancellationToken.None);

        Assert.False(result.Uploaded);
        Assert.Equal(404, result.HttpStatus);
        Assert.Single(_server.LogEntries);
    }

    [Fact]
    public async Task StillBusyAfterEveryAttempt_Fails()
    {
        _server.Given(Request.Create().WithPath("/down").UsingPut()).RespondWith(Response.Create().WithStatusCode(503));

        var result = await Uploader().UploadAsync(Target("/down"), new MemoryStream(_file), Total, CancellationToken.None);

        Assert.False(result.Uploaded);
        Assert.Equal(503, result.HttpStatus);
        Assert.Equal(3, _server.LogEntries.Count());
    }

    [Fact]
    public async Task NextExpectedRange_FromTheSession_IsFollowed()
    {
        // The session lost the second half of the first fragment: it asks again from 163840.
        _server.Given(Request.Create().WithPath("/resume").UsingPut().WithHeader("Content-Range", "bytes 0-327679/1000000"))
            .RespondWith(Response.Create().WithStatusCode(202).WithBodyAsJson(new { nextExpectedRanges = new[] { "163840-" } }));
        _server.Given(Request.Create().WithPath("/resume").UsingPut().WithHeader("Content-Range", "bytes 163840-491519/1000000"))
            .RespondWith(Response.Create().WithStatusCode(202).WithBodyAsJson(new { nextExpectedRanges = new[] { "491520-999999" } }));
        _server.Given(Request.Create().WithPath("/resume").UsingPut().WithHeader("Content-Range", "bytes 491520-819199/1000000"))
            .RespondWith(Response.Create().WithStatusCode(202).WithBodyAsJson(new { nextExpectedRanges = new[] { "819200-" } }));
        _server.Given(Request.Create().WithPath("/resume").UsingPut().WithHeader("Content-Range", "bytes 819200-999999/1000000"))
            .RespondWith(Response.Create().WithStatusCode(201).WithBodyAsJson(new { id = "1" }));

        var result = await Uploader().UploadAsync(Target("/resume"), new MemoryStream(_file), Total, CancellationToken.None);

        Assert.True(result.Uploaded, result.Error);
        var puts = _server.LogEntries.Select(e => e.RequestMessage!).ToList();
        Assert.Equal(4, puts.Count);
        Assert.Equal(_file.AsSpan(163840, 327680).ToArray(), puts[1].BodyAsBytes);
        Assert.Equal(_file.AsSpan(819200).ToArray(), puts[3].BodyAsBytes);
    }

    [Fact]
    public async Task NotAWebAddress_IsRefusedWithoutARequest()
    {
        var result = await Uploader().UploadAsync(new FileUploadTarget("a.xlsx", "file:///etc/passwd", null, null, null), new MemoryStream(_file), Total, CancellationToken.None);

        Assert.False(result.Uploaded);
        Assert.Empty(_server.LogEntries);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100_000)]
    [InlineData(60 * 1024 * 1024)]
    public void ChunkSize_MustBeA320KiBMultipleBelow60MiB(int bytes) =>
        Assert.Throws<ConfigurationException>(() => new FileConsentOptions { ChunkBytes = bytes }.ThrowIfInvalid());

    /// <summary>202 with the next range for every fragment, 201 for the one whose range is <paramref name="lastRange"/>.</summary>
    private void Session(string path, string lastRange)
    {
        _server.Given(Request.Create().WithPath(path).UsingPut()).AtPriority(10)
            .RespondWith(Response.Create().WithStatusCode(202).WithBodyAsJson(new { expirationDateTime = "2030-01-01T00:00:00Z" }));
        _server.Given(Request.Create().WithPath(path).UsingPut().WithHeader("Content-Range", lastRange)).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(201).WithBodyAsJson(new { id = "01ABC", name = "a.xlsx" }));
    }

    private FileUploadTarget Target(string path) => new("a.xlsx", _server.Url + path, null, null, "xlsx");

    private static ConsentUploader Uploader() =>
        new(new HttpClient(), new FileConsentOptions { ChunkBytes = FileConsentOptions.FragmentUnit, RetryDelay = TimeSpan.FromMilliseconds(10) },
            TimeProvider.System, NullLogger<ConsentUploader>.Instance);

    private static byte[] RandomBytes(int n)
    {
        var bytes = new byte[n];
        new Random(42).NextBytes(bytes);
        return bytes;
    }
}
