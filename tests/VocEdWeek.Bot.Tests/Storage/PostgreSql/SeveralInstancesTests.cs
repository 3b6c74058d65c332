using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VocEdWeek.Bot.Scheduling;
using VocEdWeek.Bot.Storage.PostgreSql.Scheduling;
using VocEdWeek.Bot.Storage.PostgreSql.Weeks;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Weeks;
using VocEdWeek.Bot.Weeks.Settings;
using VocEdWeek.Bot.Weeks.Settings.Changes;

namespace VocEdWeek.Bot.Tests.Storage.PostgreSql;

/// <summary>Two real bots (Program, as composed for PostgreSQL) on one database: one scheduler leader, and a week changed on one is in the other's weeks.</summary>
public sealed class SeveralInstancesTests
{
    [Fact]
    public async Task A_change_made_on_one_bot_reaches_the_other_and_only_one_of_them_leads_the_scheduler()
    {
        var settings = new Dictionary<string, string?> { ["Storage:Provider"] = "PostgreSql", ["ConnectionStrings:VocEdWeek"] = await PostgresCluster.CreateDatabaseAsync() };
        using var a = new BotApp(new(settings) { ["Storage:InstanceName"] = "a" });
        using var b = new BotApp(new(settings) { ["Storage:InstanceName"] = "b" });
        _ = a.Server;
        _ = b.Server;
        var listenerB = b.Services.GetServices<IHostedService>().OfType<PgWeekChangeListener>().Single();
        await listenerB.Listening.WaitAsync(HangGuard.Limit);
        var heard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        listenerB.Reloaded += week =>
        {
            if (week == "2024-wuxi") heard.TrySetResult();
        };

        var change = a.Services.GetRequiredService<WeekEditor>().Apply("2024-wuxi", new RenameDepartment("jd", "甲学院"), new Actor("王强", "wq"));

        Assert.True(change.Applied);
        await heard.Task.WaitAsync(HangGuard.Limit);
        Assert.Equal("甲学院", b.Services.GetRequiredService<WeekCatalog>().Find("2024-wuxi")!.Department("jd")!.Name);
        var leaderships = new[] { a, b }.Select(app => Assert.IsType<PgSchedulerLeadership>(app.Services.GetRequiredService<ISchedulerLeadership>())).ToList();
        Assert.Single(leaderships, l => l.TryLead());
    }
}
