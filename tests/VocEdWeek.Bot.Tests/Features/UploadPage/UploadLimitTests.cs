using System.Net;
using Microsoft.Extensions.DependencyInjection;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Tests.Fakes;
using Xunit.Abstractions;
using static VocEdWeek.Bot.Tests.Features.UploadPage.UploadHttp;

namespace VocEdWeek.Bot.Tests.Features.UploadPage;

/// <summary>Size limits of the upload page: the office's limit, not Kestrel's default, and files never held in memory.</summary>
public sealed class UploadLimitTests
{
    [Fact]
    public async Task Over_the_limit_is_413_by_declared_length_and_by_counted_stream_and_nothing_is_kept()
    {
        await using var w = await UploadWorld.StartAsync(new() { ["Files:MaxBytes"] = (1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var token = Token(await w.LinkAsync());

        // Refused on the declared length alone: with "Expect: 100-continue" not one byte of the 2 GB is sent.
        var body = new PatternStream(2L * 1024 * 1024 * 1024);
        var declared = await PostFileAsync(w.Http, token, "大视频.mp4",
            new StreamContent(body) { Headers = { ContentLength = 2L * 1024 * 1024 * 1024 } }, expectContinue: true);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, declared.StatusCode);
        Assert.Equal("大视频.mp4（超过 1 MB 上限）", await ErrorOf(declared));
        Assert.Equal(0, body.Position);

        // No Content-Length: the running count stops it once more than the limit has come (a little over, so the
        // client has finished sending and reads the answer; far over, the server may just cut the connection).
        var counted = await PostFileAsync(w.Http, token, "无长度.mp4", Chunked(1024 * 1024 + 32 * 1024));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, counted.StatusCode);
        Assert.Equal("无长度.mp4（超过 1 MB 上限）", await ErrorOf(counted));
        try
        {
            var far = await PostFileAsync(w.Http, token, "很大.mp4", Chunked(64L * 1024 * 1024));
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, far.StatusCode);
        }
        catch (HttpRequestException)
        {
            // Cut off mid-upload: also a refusal; what matters is below.
        }

        // Exactly the limit is fine.
        Assert.Equal(HttpStatusCode.OK, (await PostFileAsync(w.Http, token, "刚好.mp4", Streamed(1024 * 1024))).StatusCode);
        var media = w.Services.GetRequiredService<IMediaStore>().ForWeek("2024-wuxi");
        Assert.Equal(["刚好.mp4"], media.Select(m => m.FileName));
        var files = Directory.GetFiles(Path.Combine(w.DataDirectory, "files"), "*", SearchOption.AllDirectories);
        Assert.Equal(["刚好.mp4"], files.Select(Path.GetFileName));
    }
}

/// <summary>
/// Allocation is counted for the whole process, so this runs alone (after the parallel tests), where only this upload
/// allocates: in parallel with the rest of the suite other tests' allocations were counted too.
/// </summary>
[Collection(AloneCollection.Name)]
public sealed class UploadStreamingTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_file_larger_than_Kestrels_default_body_limit_is_streamed_through_without_being_held_in_memory()
    {
        await using var w = await UploadWorld.StartAsync();
        var token = Token(await w.LinkAsync());
        const long size = 64L * 1024 * 1024; // Kestrel alone would stop at 30,000,000 bytes
        // Warm up the route and the store, so the measurement is the transfer itself.
        Assert.Equal(HttpStatusCode.OK, (await PostFileAsync(w.Http, token, "warm.jpg", Bytes(MediaBytes.Jpeg()))).StatusCode);

        GC.Collect();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var response = await PostFileAsync(w.Http, token, "全程录像.mp4", Chunked(size));
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var record = w.Services.GetRequiredService<IMediaStore>().ForWeek("2024-wuxi").Single(r => r.FileName == "全程录像.mp4");
        Assert.Equal(size, record.Size);
        Assert.Equal(PatternStream.Sha256(size), record.Sha256);
        output.WriteLine($"{size / (1024 * 1024)} MB; {allocated / 1024} KB allocated in the process (client and server)");
        // Buffering the file would allocate at least its size; streaming allocates a fraction of it.
        Assert.True(allocated < size / 2, $"{allocated} bytes allocated for a {size}-byte upload");
    }
}
