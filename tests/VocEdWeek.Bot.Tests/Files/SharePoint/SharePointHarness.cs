using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Files.SharePoint;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Files.SharePoint;

/// <summary>Builds a real <see cref="SharePointFileStore"/> from configuration keys, pointed at a <see cref="FakeGraph"/>.</summary>
internal static class SharePointHarness
{
    public static Dictionary<string, string?> Config(FakeGraph graph, Dictionary<string, string?>? extra = null)
    {
        var config = new Dictionary<string, string?>
        {
            ["SharePoint:GraphBaseUrl"] = graph.BaseUrl,
            ["SharePoint:SiteId"] = FakeGraph.SiteId,
            ["SharePoint:DriveId"] = FakeGraph.DriveId,
            ["SharePoint:ChunkBytes"] = (320 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SharePoint:SimpleUploadMaxBytes"] = (64 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SharePoint:RetryBaseDelay"] = "00:00:00.050",
        };
        foreach (var (k, v) in extra ?? []) config[k] = v;
        return config;
    }

    public static SharePointSettings Settings(Dictionary<string, string?> config, string environment = "Development") =>
        SharePointSettings.From(new ConfigurationBuilder().AddInMemoryCollection(config).Build(), environment)
        ?? throw new InvalidOperationException("SharePoint not configured");

    public static SharePointFileStore Store(FakeGraph graph, Dictionary<string, string?>? extra = null, HttpMessageHandler? tokenHandler = null) =>
        Store(Settings(Config(graph, extra)), tokenHandler);

    public static SharePointFileStore Store(SharePointSettings settings, HttpMessageHandler? tokenHandler = null)
    {
        var tokens = new GraphTokenProvider(() => GraphCredentials.Create(settings, tokenHandler), settings.Scope, TimeProvider.System);
        var api = new GraphDriveApi(SharePointExtensions.CreateHttpClient(settings), tokens, settings.GraphBaseUrl);
        return new SharePointFileStore(settings, api, tokens, TimeProvider.System, NullLogger<SharePointFileStore>.Instance);
    }

    /// <summary>Deterministic bytes of a given length (a different pattern per seed).</summary>
    public static byte[] Bytes(int length, int seed = 1)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    public static Func<long, Stream> OpenAt(byte[] content, List<long>? opened = null) => offset =>
    {
        opened?.Add(offset);
        return new MemoryStream(content, (int)offset, content.Length - (int)offset, writable: false);
    };

    public static RemoteUpload Upload(string fileName, byte[] content, params string[] folder) =>
        new(folder.Length == 0 ? ["2024年无锡职业教育活动周", "机电工程学院", "2024-05-14"] : folder, fileName, content.Length);
}

/// <summary>The caller's persisted session URL, with every save recorded.</summary>
internal sealed class MemoryCheckpoint : IUploadCheckpoint
{
    public string? SessionUrl { get; private set; }

    public List<string?> Saves { get; } = [];

    public void Save(string? sessionUrl)
    {
        SessionUrl = sessionUrl;
        Saves.Add(sessionUrl);
    }
}
