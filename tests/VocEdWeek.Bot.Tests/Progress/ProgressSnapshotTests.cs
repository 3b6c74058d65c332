using VocEdWeek.Bot.Progress;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Tests.Features.Forms;
using VocEdWeek.Bot.Tests.Features.Office;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Tests.Progress;

/// <summary>Progress reads submission times kept in memory after the first read; every later submission must show at once.</summary>
public sealed class ProgressSnapshotTests : IDisposable
{
    private static readonly WeekItem Today = new(ItemKind.DailyReport, new DateOnly(2024, 5, 14));
    private readonly OfficeWorld _world = new(FormsWorld.Beijing(2024, 5, 14, 13, 0));

    public void Dispose() => _world.Dispose();

    private DepartmentProgress Standing(string department) =>
        _world.Get<ProgressService>().ForWeek(_world.Week).Department(_world.Week.Department(department)!, Today);

    [Fact]
    public void SubmissionAfterTheFirstRead_ShowsInTheNextSnapshot()
    {
        Assert.Equal(ItemStatus.Missing, Standing("jd").Status);

        _world.Submit("jd", Today.Key, FormsWorld.Beijing(2024, 5, 14, 11, 30));

        Assert.Equal(ItemStatus.OnTime, Standing("jd").Status);
    }

    [Fact]
    public void LaterVersion_KeepsTheFirstTime_ForTheStatus()
    {
        _world.Submit("jd", Today.Key, FormsWorld.Beijing(2024, 5, 14, 11, 30));
        Assert.Equal(ItemStatus.OnTime, Standing("jd").Status);

        _world.Submit("jd", Today.Key, FormsWorld.Beijing(2024, 5, 14, 12, 45));

        var standing = Standing("jd");
        Assert.Equal(ItemStatus.OnTime, standing.Status);
        Assert.Equal(FormsWorld.Beijing(2024, 5, 14, 11, 30), standing.FirstSubmittedAt);
        Assert.Equal(FormsWorld.Beijing(2024, 5, 14, 12, 45), standing.LastSubmittedAt);
        Assert.Equal(2, _world.Store.Times("2024-wuxi")[("jd", Today.Key)].Versions);
    }

    [Fact]
    public void InMemoryTimes_MatchTheDatabase()
    {
        _world.Submit("xx", Today.Key, FormsWorld.Beijing(2024, 5, 14, 12, 10));
        var cached = _world.Store.Times("2024-wuxi");
        _world.Submit("jg", Today.Key, FormsWorld.Beijing(2024, 5, 14, 12, 20));
        _world.Submit("jg", Today.Key, FormsWorld.Beijing(2024, 5, 14, 12, 40));

        var fromMemory = _world.Store.Times("2024-wuxi");
        var fromDatabase = _world.Store.Summaries("2024-wuxi");
        Assert.Equal(fromDatabase.Keys.Order(), fromMemory.Keys.Order());
        foreach (var (key, s) in fromDatabase)
        {
            Assert.Equal(new SubmissionTimes(s.FirstSubmittedAt, s.Current.SubmittedAt, s.Versions).First, fromMemory[key].First);
            Assert.Equal(s.Current.SubmittedAt, fromMemory[key].Current.UtcDateTime);
            Assert.Equal(s.Versions, fromMemory[key].Versions);
        }
        Assert.DoesNotContain(("jg", Today.Key), cached.Keys);
    }

    [Fact]
    public void ExemptionAfterTheFirstRead_ShowsInTheNextSnapshot()
    {
        Assert.Equal(ItemStatus.Missing, Standing("sj").Status);

        _world.Store.Exempt(new Exemption { WeekId = "2024-wuxi", DepartmentId = "sj", ItemKey = Today.Key, SetBy = "test" });

        Assert.Equal(ItemStatus.Exempt, Standing("sj").Status);
    }

    [Fact]
    public void Snapshot_KeepsAnItemsStandings_AndTheNextSnapshotSeesLaterSubmissions()
    {
        var snapshot = _world.Get<ProgressService>().ForWeek(_world.Week);
        var first = snapshot.Item(Today);

        _world.Submit("jd", Today.Key, FormsWorld.Beijing(2024, 5, 14, 11, 30));

        Assert.Same(first, snapshot.Item(Today));
        Assert.Equal(ItemStatus.Missing, first.Departments.Single(d => d.Department.Id == "jd").Status);
        var next = _world.Get<ProgressService>().ForWeek(_world.Week).Item(Today);
        Assert.Equal(ItemStatus.OnTime, next.Departments.Single(d => d.Department.Id == "jd").Status);
    }
}
