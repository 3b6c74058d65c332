using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Recommendations;
using VocEdWeek.Bot.Tests.Features.Exports;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Tests.Features.Recommend.Package;

/// <summary>
/// Reports, real stored files (written through the bot's own file store, so the package reads them as it would in
/// production) and picks put through IPickStore, for the package's tests.
/// </summary>
public sealed class PackageData(IServiceProvider services)
{
    private readonly World world = new(services);

    private ExportData? _reports;

    /// <summary>One seeder for the whole test: its idempotency keys count up.</summary>
    public ExportData Reports => _reports ??= new(world.Week, world.Submissions, world.Media);

    public ActiveWeek Week => world.Week;

    public Department Department(int index) => world.Week.Definition.Departments[index];

    /// <summary>The stores and clock of an <see cref="ExportsWorld"/> or of the real bot over HTTP (ExportApp).</summary>
    private sealed class World(IServiceProvider services)
    {
        public ActiveWeek Week => services.GetRequiredService<WeekCatalog>().Active!;
        public ISubmissionStore Submissions => services.GetRequiredService<ISubmissionStore>();
        public IMediaStore Media => services.GetRequiredService<IMediaStore>();
        public IFileStore Files => services.GetRequiredService<IFileStore>();
        public IPickStore Picks => services.GetRequiredService<IPickStore>();
        public TimeProvider Clock => services.GetRequiredService<TimeProvider>();
    }

    public static DateOnly Day(int offset) => new DateOnly(2024, 5, 13).AddDays(offset);

    public static string ReportKey(DateOnly day) => new WeekItem(ItemKind.DailyReport, day).Key;

    /// <summary>A file stored in the local store and recorded like a received one; <paramref name="webUrl"/> as if SharePoint had it.</summary>
    public async Task<MediaRecord> FileAsync(Department d, DateOnly day, string name, byte[] bytes, string? webUrl = null)
    {
        StoredFile stored;
        using (var content = new MemoryStream(bytes)) stored = await world.Files.SaveAsync([world.Week.Definition.Title, d.Name, $"{day:yyyy-MM-dd}"], name, content, CancellationToken.None);
        var record = new MediaRecord
        {
            WeekId = world.Week.Definition.Id, DepartmentId = d.Id, ItemKey = ReportKey(day), FileName = stored.FileName, OriginalName = name,
            Kind = MediaKinds.Of(name), Size = stored.Size, Sha256 = stored.Sha256, Location = stored.Location,
            ReceivedAt = Reports.OnTime(day).UtcDateTime, FromName = d.Liaisons[0].Name, BatchId = $"b-{Guid.NewGuid():N}", State = MediaState.Stored,
            Remote = webUrl is null ? RemoteState.None : RemoteState.Uploaded, WebUrl = webUrl,
        };
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), stored.Sha256);
        world.Media.Add(record);
        return record;
    }

    public Pick Pick(Department d, DateOnly day, PickKind kind, MediaRecord? file = null, PickSource source = PickSource.Office, string? reason = null)
    {
        var pick = new Pick
        {
            WeekId = world.Week.Definition.Id, Source = source, DepartmentId = d.Id, ItemKey = ReportKey(day), Kind = kind, MediaId = file?.Id,
            Reason = reason, ByName = source == PickSource.Office ? "吴苏玲" : d.Liaisons[0].Name, At = world.Clock.GetUtcNow().UtcDateTime,
        };
        pick.Id = VocEdWeek.Bot.Recommendations.Pick.IdOf(pick.WeekId, source, pick.ItemId);
        Assert.True(world.Picks.Put(pick));
        return pick;
    }

    public void Withdraw(Pick pick) =>
        Assert.True(world.Picks.Withdraw(pick.WeekId, pick.Source, pick.ItemId, "吴苏玲", world.Clock.GetUtcNow().UtcDateTime));
}
