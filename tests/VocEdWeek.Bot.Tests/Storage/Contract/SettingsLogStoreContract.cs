using VocEdWeek.Bot.Weeks.Settings;

namespace VocEdWeek.Bot.Tests.Storage.Contract;

/// <summary>
/// What every <see cref="ISettingsLogStore"/> does (<see cref="LiteDbSettingsLogStoreContract"/>,
/// <see cref="PostgreSqlSettingsLogStoreContract"/>): entries by week, newest first, kept as written.
/// </summary>
public abstract class SettingsLogStoreContract
{
    private ISettingsLogStore? _store;

    /// <summary>An empty store, asked for once per test.</summary>
    protected abstract ISettingsLogStore NewStore();

    private ISettingsLogStore Store => _store ??= NewStore();

    private static readonly DateTime Nine = new(2024, 5, 14, 1, 0, 0, DateTimeKind.Utc);

    private static SettingsLogEntry Entry(string weekId, DateTime at, int revision, string kind = "department.rename") => new()
    {
        WeekId = weekId, At = at, ActorName = "王强", ActorKey = "ad000000-0000-4000-8000-000000000001", Kind = kind,
        Subject = "jd", Before = "机电工程学院", After = "智能制造学院", Revision = revision,
    };

    [Fact]
    public void An_entry_comes_back_as_written()
    {
        var written = Entry("2024-wuxi", Nine, 2);
        Store.Add(written);

        var read = Assert.Single(Store.For("2024-wuxi"));
        Assert.Equal((written.Id, "2024-wuxi", Nine, "王强", "ad000000-0000-4000-8000-000000000001", "department.rename", "jd", "机电工程学院", "智能制造学院", 2),
            (read.Id, read.WeekId, read.At, read.ActorName, read.ActorKey, read.Kind, read.Subject, read.Before, read.After, read.Revision));
        Assert.Equal(DateTimeKind.Utc, read.At.Kind);
        Assert.Equal(32, read.Id.Length);
    }

    [Fact]
    public void Empty_texts_and_a_missing_actor_key_come_back_as_written()
    {
        Store.Add(new SettingsLogEntry { WeekId = "w", At = Nine, ActorName = "", ActorKey = null, Kind = "week.exempt", Subject = "", Before = "", After = "", Revision = 0 });

        var read = Assert.Single(Store.For("w"));
        Assert.Equal(("", null, "", "", ""), (read.ActorName, read.ActorKey, read.Subject, read.Before, read.After));
    }

    [Fact]
    public void For_lists_only_that_week_newest_first_then_by_revision_and_at_most_max()
    {
        Store.Add(Entry("w", Nine, 1));
        Store.Add(Entry("w", Nine.AddHours(2), 3));
        Store.Add(Entry("other", Nine.AddHours(5), 1));
        Store.Add(Entry("w", Nine.AddHours(2), 4));
        Store.Add(Entry("w", Nine.AddHours(1), 2));

        Assert.Equal([4, 3, 2, 1], Store.For("w").Select(e => e.Revision));
        Assert.Equal([4, 3], Store.For("w", max: 2).Select(e => e.Revision));
        Assert.Single(Store.For("other"));
        Assert.Empty(Store.For("none"));
    }

    [Fact]
    public void Every_entry_gets_its_own_key()
    {
        Store.Add(Entry("w", Nine, 1));
        Store.Add(Entry("w", Nine, 1));

        Assert.Equal(2, Store.For("w").Select(e => e.Id).Distinct().Count());
    }
}
