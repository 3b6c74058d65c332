using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using VocEdWeek.Bot.App;
using VocEdWeek.Bot.Features.Exports;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Handlers;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Tests.Features.Exports;

/// <summary>
/// The app as AddBotApp registers it, over a LiteDB file in a fresh temp folder and a week file (the 2024 Wuxi
/// sample or a generated one), with a fake UTC clock (the moved stores on PostgreSQL under VOCEDWEEK_TEST_STORAGE, see
/// TestStorage). Exports are written to files through the registered writers.
/// </summary>
public sealed class ExportsWorld : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "vocedweek-tests", "exports-" + Guid.NewGuid().ToString("N"));
    private readonly ServiceProvider _services;

    public ExportsWorld(string? weekFile = null, DateTimeOffset? now = null, IReadOnlyDictionary<string, string?>? more = null)
    {
        // On PostgreSQL no LiteDB file makes the storage folder; tests that store files need it.
        Directory.CreateDirectory(Path.Combine(_directory, "data"));
        Clock = new FakeTimeProvider(now ?? Beijing(2024, 5, 20, 9, 0));
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Directory"] = Path.Combine(_directory, "data"),
            ["Week:DefinitionFile"] = weekFile ?? SampleWeek,
        };
        foreach (var (k, v) in TestStorage.Settings()) settings[k] = v;
        foreach (var (k, v) in more ?? new Dictionary<string, string?>()) settings[k] = v;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<TimeProvider>(Clock);
        services.AddBotApp(configuration);
        _services = services.BuildServiceProvider();
    }

    public static string SampleWeek => Path.Combine(AppContext.BaseDirectory, "Weeks", "Samples", "2024-wuxi.json");

    public FakeTimeProvider Clock { get; }

    public IServiceProvider Services => _services;

    public string Directory_ => _directory;

    public ActiveWeek Week => _services.GetRequiredService<WeekCatalog>().Active!;

    public ISubmissionStore Submissions => _services.GetRequiredService<ISubmissionStore>();

    public IMediaStore Media => _services.GetRequiredService<IMediaStore>();

    public VocEdWeek.Bot.Recommendations.IPickStore Picks => _services.GetRequiredService<VocEdWeek.Bot.Recommendations.IPickStore>();

    public IFileStore Files => _services.GetRequiredService<IFileStore>();

    public IReadOnlyList<IExportWriter> Writers => [.. _services.GetServices<IExportWriter>()];

    public IExportWriter Writer(ExportKind kind) => Writers.Single(w => w.Kind == kind);

    public static DateTimeOffset Beijing(int year, int month, int day, int hour, int minute) =>
        new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.FromHours(8)).ToUniversalTime();

    /// <summary>Writes one export into <paramref name="folder"/> under an ASCII name; returns its path.</summary>
    public async Task<string> WriteAsync(ExportKind kind, string folder, string locale = "zh-CN")
    {
        Directory.CreateDirectory(folder);
        var writer = Writer(kind);
        var path = Path.Combine(folder, kind.ToString().ToLowerInvariant() + writer.Extension);
        await using var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite);
        await writer.WriteAsync(Week, Strings.For(locale), file, CancellationToken.None);
        return path;
    }

    /// <summary>Writes every export into <paramref name="folder"/> under an ASCII name per kind; returns kind → path.</summary>
    public async Task<IReadOnlyDictionary<ExportKind, string>> WriteAllAsync(string folder, string locale = "zh-CN")
    {
        Directory.CreateDirectory(folder);
        var result = new Dictionary<ExportKind, string>();
        // The five of "导出全部"; the recommendation package has its own tests (Features/Recommend/Package).
        foreach (var writer in Writers.Where(w => ExportKinds.All.Contains(w.Kind)))
        {
            var path = Path.Combine(folder, writer.Kind.ToString().ToLowerInvariant() + writer.Extension);
            await using (var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite))
            {
                await writer.WriteAsync(Week, Strings.For(locale), file, CancellationToken.None);
            }
            result[writer.Kind] = path;
        }
        return result;
    }

    public void Dispose()
    {
        _services.Dispose();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
