using VocEdWeek.Bot.Features.Exports;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Tests.Features.Exports;

/// <summary>
/// A week's data put in through the stores, all five exports written once into artifacts/exports/&lt;name&gt;, converted
/// to PDF by LibreOffice in one call and the first pages rendered to PNG (kept for people to look at).
/// </summary>
public abstract class ExportScenario : IAsyncLifetime, IDisposable
{
    protected ExportScenario(string name, string? weekFile = null, DateTimeOffset? now = null)
    {
        Name = name;
        World = new ExportsWorld(weekFile, now);
    }

    public string Name { get; }

    public ExportsWorld World { get; }

    public IReadOnlyDictionary<ExportKind, string> Files { get; private set; } = new Dictionary<ExportKind, string>();

    public IReadOnlyDictionary<ExportKind, string> Pdfs { get; private set; } = new Dictionary<ExportKind, string>();

    protected virtual bool Render => true;

    protected abstract void Seed(ExportData data);

    public async Task InitializeAsync()
    {
        Seed(new ExportData(World.Week, World.Submissions, World.Media));
        var folder = LibreOffice.ArtifactFolder(Name);
        Files = await World.WriteAllAsync(folder);
        if (!Render) return;
        var pdfs = LibreOffice.ToPdf(Files.Values, folder);
        Pdfs = Files.ToDictionary(p => p.Key, p => pdfs[p.Value]);
        foreach (var pdf in Pdfs.Values) LibreOffice.Png(pdf);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        World.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class EmptyWeekScenario() : ExportScenario("empty-week")
{
    protected override void Seed(ExportData data) { }
}

public sealed class FullWeekScenario() : ExportScenario("full-week")
{
    protected override void Seed(ExportData data) => data.FullWeek();
}

/// <summary>
/// The sample week's five departments: 机电 all on time; 信息 plan late, 5/13 late, 5/14 made up, statistics made up;
/// 经管 5/15 exempt, 5/16 missing, summary exempt; 建筑 statistics exempt, 5/12 edited after the deadline (still on
/// time), 5/17 missing; 设计 nothing at all. Uploaded, waiting, failed and pending files.
/// </summary>
public sealed class MixedWeekScenario() : ExportScenario("mixed-week")
{
    protected override void Seed(ExportData data)
    {
        var c = data.Calendar;
        var departments = World.Week.Definition.Departments;
        var (jd, xx, jg, jz) = (departments[0], departments[1], departments[2], departments[3]);
        var i = 0;
        foreach (var d in new[] { jd, xx, jg, jz })
        {
            data.Plan(d, i, d == xx ? c.PlanDeadline.AddMinutes(35) : c.PlanDeadline.AddHours(-1));
            foreach (var day in c.Days)
            {
                if (d == xx && day == new DateOnly(2024, 5, 13)) data.Report(d, i, day, data.OnTime(day).AddHours(3)); // 13:30 the same day
                else if (d == xx && day == new DateOnly(2024, 5, 14)) data.Report(d, i, day, data.OnTime(day).AddHours(22)); // the next morning
                else if (d == jg && day == new DateOnly(2024, 5, 15)) data.Exempt(d, new WeekItem(ItemKind.DailyReport, day));
                else if ((d == jg && day == new DateOnly(2024, 5, 16)) || (d == jz && day == new DateOnly(2024, 5, 17))) { }
                else data.Report(d, i, day, data.OnTime(day), withStory: d != jz);
            }
            i++;
        }
        // 建筑 fixes its 5/12 report after the deadline: a second version, the first still counts.
        data.Report(jz, 3, new DateOnly(2024, 5, 12), data.OnTime(new DateOnly(2024, 5, 12)).AddHours(5));
        data.Statistics(jd, 0, c.StatisticsDeadline.AddHours(-1));
        data.Statistics(xx, 1, c.StatisticsDeadline.AddHours(20));
        data.Statistics(jg, 2, c.StatisticsDeadline.AddHours(-1));
        data.Exempt(jz, new WeekItem(ItemKind.Statistics));
        data.Summary(jd, 0, c.SummaryDeadline.AddHours(-1), withDocument: true);
        data.Summary(xx, 1, c.SummaryDeadline.AddHours(-1), withDocument: false);
        data.Exempt(jg, new WeekItem(ItemKind.Summary));

        var day12 = new WeekItem(ItemKind.DailyReport, new DateOnly(2024, 5, 12));
        data.File(jd, day12, "开幕式.jpg", data.OnTime(day12.Day!.Value), 0);
        data.File(jd, day12, "开幕式视频.mp4", data.OnTime(day12.Day!.Value), 1);
        data.File(xx, day12, "实训展示.png", data.OnTime(day12.Day!.Value), 2);
        var failed = data.File(jg, day12, "签约仪式.jpg", data.OnTime(day12.Day!.Value), 1);
        failed.Remote = RemoteState.Failed;
        failed.RemoteError = "SharePoint 拒绝访问";
        World.Media.Update(failed);
        data.File(jz, day12, "现场.mov", data.OnTime(day12.Day!.Value), 2, MediaState.Pending);
        data.File(jd, new WeekItem(ItemKind.Summary), "总结.docx", c.SummaryDeadline.AddHours(-1), 0);
    }
}
