using Microsoft.Extensions.Configuration;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using VocEdWeek.Bot.Bench.Files;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Files.SharePoint;
using VocEdWeek.Bot.Protocol;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Tests.Fakes;

// Modes (run.sh runs the first; it starts the others as separate processes so each peak RSS is its own):
//   (no mode) [--size-mb 1024] [--results file.md]   orchestrate and print the table
//   --serve <seconds>                                the far ends: "Teams download" + fake Graph
//   --copy <teamsUrl> <bytes>                        plain HttpClient download of the file to disk
//   --relay <teamsUrl> <graphUrl> <bytes>            downloader → local store → SharePoint upload session
var invariant = CultureInfo.InvariantCulture;
return args switch
{
    ["--serve", var seconds] => await FakeServers.ServeAsync(TimeSpan.FromSeconds(int.Parse(seconds, invariant))),
    ["--copy", var teams, var bytes] => await CopyAsync(teams, long.Parse(bytes, invariant)),
    ["--relay", var teams, var graph, var bytes] => await RelayAsync(teams, graph, long.Parse(bytes, invariant)),
    _ => await OrchestrateAsync(args),
};

static async Task<int> CopyAsync(string teams, long bytes)
{
    var target = Path.Combine(Path.GetTempPath(), $"vocedweek-bench-copy-{Guid.NewGuid():N}.bin");
    try
    {
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        using var measure = new Measure();
        using (var response = await http.GetAsync($"{teams}/file/{bytes}", HttpCompletionOption.ResponseHeadersRead))
        await using (var source = await response.Content.ReadAsStreamAsync())
        await using (var file = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
        {
            response.EnsureSuccessStatusCode();
            await source.CopyToAsync(file, 81920);
        }
        var elapsed = measure.Elapsed;
        if (new FileInfo(target).Length != bytes) throw new InvalidOperationException("short copy");
        Report(new Result("copy", bytes, elapsed.TotalSeconds, 0, Measure.PeakRssBytes(), measure.PeakHeapBytes, GC.GetTotalAllocatedBytes(true), "-"));
        return 0;
    }
    finally
    {
        File.Delete(target);
    }
}

static async Task<int> RelayAsync(string teams, string graphUrl, long bytes)
{
    var directory = Directory.CreateTempSubdirectory("vocedweek-bench-relay-").FullName;
    try
    {
        var local = new LocalFileStore(new StorageOptions { Directory = directory });
        using var downloadHttp = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var downloader = new AttachmentDownloader(downloadHttp, new NoConnectorToken(), DownloadClientOptions.HttpsOnly with { AllowLoopbackHttp = true });
        string[] folder = ["2024年无锡职业教育活动周", "机电工程学院", "2024-05-14"];
        var settings = SharePointSettings.From(
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["SharePoint:GraphBaseUrl"] = graphUrl,
                ["SharePoint:SiteId"] = FakeGraph.SiteId,
                ["SharePoint:DriveId"] = FakeGraph.DriveId,
            }).Build(), "Development")!;
        var tokens = new GraphTokenProvider(() => null, settings.Scope, TimeProvider.System);
        using var graphHttp = SharePointExtensions.CreateHttpClient(settings);
        var store = new SharePointFileStore(settings, new GraphDriveApi(graphHttp, tokens, settings.GraphBaseUrl), tokens, TimeProvider.System, NullLogger<SharePointFileStore>.Instance);

        using var measure = new Measure();
        StoredFile stored;
        using (var download = await downloader.OpenAsync(new IncomingFile("闭幕式 全程.mp4", "video/mp4", $"{teams}/file/{bytes}", false, null), default))
        {
            stored = await local.SaveAsync(folder, "闭幕式 全程.mp4", download.Content, default);
        }
        var downloaded = measure.Elapsed;
        var checkpoint = new Checkpoint();
        var remote = await store.UploadAsync(new RemoteUpload(folder, stored.FileName, stored.Size), offset =>
        {
            var stream = local.OpenRead(stored.Location);
            stream.Seek(offset, SeekOrigin.Begin);
            return stream;
        }, checkpoint, default);
        var elapsed = measure.Elapsed;
        var peakHeap = measure.PeakHeapBytes;
        var allocated = GC.GetTotalAllocatedBytes(true);

        // What Graph holds must be the very bytes that were sent: same size and quickXorHash.
        using var check = await graphHttp.GetAsync($"{graphUrl}/drives/{Uri.EscapeDataString(FakeGraph.DriveId)}/items/{Uri.EscapeDataString(remote.ItemId)}");
        using var item = JsonDocument.Parse(await check.Content.ReadAsStringAsync());
        var size = item.RootElement.GetProperty("size").GetInt64();
        var hash = item.RootElement.GetProperty("file").GetProperty("hashes").GetProperty("quickXorHash").GetString();
        var expected = new QuickXorHash();
        for (long at = 0; at < bytes; at += Pattern.Block.Length) expected.Append(Pattern.Block.AsSpan(0, (int)Math.Min(Pattern.Block.Length, bytes - at)));
        if (size != bytes || hash != expected.FinishBase64() || stored.Size != bytes)
            throw new InvalidOperationException($"Graph holds {size} bytes, hash {hash}; expected {bytes}, {expected.FinishBase64()}");
        Report(new Result("relay", bytes, elapsed.TotalSeconds, downloaded.TotalSeconds, Measure.PeakRssBytes(), peakHeap, allocated, remote.Path));
        return 0;
    }
    finally
    {
        Directory.Delete(directory, recursive: true);
    }
}

static async Task<int> OrchestrateAsync(string[] args)
{
    var sizeMb = 1024L;
    string? results = null;
    for (var i = 0; i + 1 < args.Length; i += 2)
    {
        if (args[i] == "--size-mb") sizeMb = long.Parse(args[i + 1], CultureInfo.InvariantCulture);
        else if (args[i] == "--results") results = args[i + 1];
    }
    var bytes = sizeMb * 1024 * 1024;
    using var serve = Start(["--serve", "3600"], redirectInput: true);
    string? graph = null, teams = null;
    while ((graph is null || teams is null) && await serve.StandardOutput.ReadLineAsync() is { } line)
    {
        if (line.StartsWith("GRAPH=", StringComparison.Ordinal)) graph = line[6..];
        if (line.StartsWith("TEAMS=", StringComparison.Ordinal)) teams = line[6..];
    }
    if (graph is null || teams is null) throw new InvalidOperationException("the fake servers did not start");
    try
    {
        var copy = await RunAsync(["--copy", teams, bytes.ToString(CultureInfo.InvariantCulture)]);
        var relay = await RunAsync(["--relay", teams, graph, bytes.ToString(CultureInfo.InvariantCulture)]);
        var table = Table(copy, relay);
        Console.WriteLine(table);
        if (results is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(results))!);
            await File.WriteAllTextAsync(results, table);
        }
        return 0;
    }
    finally
    {
        serve.StandardInput.Close();
        if (!serve.WaitForExit(10_000)) serve.Kill();
    }
}

static async Task<Result> RunAsync(string[] args)
{
    using var child = Start(args, redirectInput: false);
    var output = await child.StandardOutput.ReadToEndAsync();
    var errors = await child.StandardError.ReadToEndAsync();
    await child.WaitForExitAsync();
    var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal));
    if (child.ExitCode != 0 || line is null) throw new InvalidOperationException($"{string.Join(' ', args)} failed ({child.ExitCode}):\n{output}\n{errors}");
    return JsonSerializer.Deserialize<Result>(line["RESULT ".Length..])!;
}

static Process Start(string[] args, bool redirectInput)
{
    var info = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, RedirectStandardError = !redirectInput, RedirectStandardInput = redirectInput };
    info.ArgumentList.Add(typeof(Measure).Assembly.Location);
    foreach (var a in args) info.ArgumentList.Add(a);
    return Process.Start(info)!;
}

static void Report(Result result) => Console.WriteLine("RESULT " + JsonSerializer.Serialize(result));

static string Table(Result copy, Result relay)
{
    static string Mb(long b) => (b / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture);
    static string Rate(long bytes, double seconds) => (bytes / 1024.0 / 1024.0 / seconds).ToString("0", CultureInfo.InvariantCulture);
    var sb = new StringBuilder();
    sb.AppendLine(CultureInfo.InvariantCulture, $"File relay benchmark: {Mb(copy.Bytes)} MiB on loopback, {Environment.ProcessorCount} cores, Server GC, SharePoint chunk 10 MiB");
    sb.AppendLine();
    sb.AppendLine("| path | seconds | MiB/s (end to end) | peak RSS MiB | peak GC heap MiB | allocated MiB |");
    sb.AppendLine("|---|---:|---:|---:|---:|---:|");
    sb.AppendLine(CultureInfo.InvariantCulture, $"| plain copy: HttpClient download → file | {copy.Seconds:0.00} | {Rate(copy.Bytes, copy.Seconds)} | {Mb(copy.PeakRss)} | {Mb(copy.PeakHeap)} | {Mb(copy.Allocated)} |");
    sb.AppendLine(CultureInfo.InvariantCulture, $"| relay: AttachmentDownloader → LocalFileStore → SharePoint session | {relay.Seconds:0.00} | {Rate(relay.Bytes, relay.Seconds)} | {Mb(relay.PeakRss)} | {Mb(relay.PeakHeap)} | {Mb(relay.Allocated)} |");
    sb.AppendLine(CultureInfo.InvariantCulture, $"| ↳ download + local store | {relay.DownloadSeconds:0.00} | {Rate(relay.Bytes, relay.DownloadSeconds)} | | | |");
    sb.AppendLine(CultureInfo.InvariantCulture, $"| ↳ upload to fake Graph | {relay.Seconds - relay.DownloadSeconds:0.00} | {Rate(relay.Bytes, relay.Seconds - relay.DownloadSeconds)} | | | |");
    sb.AppendLine();
    sb.AppendLine(CultureInfo.InvariantCulture, $"Graph holds {relay.RemotePath}: size and quickXorHash equal to the generated bytes.");
    return sb.ToString();
}

internal sealed record Result(string Mode, long Bytes, double Seconds, double DownloadSeconds, long PeakRss, long PeakHeap, long Allocated, string RemotePath);

internal sealed class Checkpoint : IUploadCheckpoint
{
    public string? SessionUrl { get; private set; }

    public void Save(string? sessionUrl) => SessionUrl = sessionUrl;
}
