using VocEdWeek.Bot.Weeks.Store;

namespace VocEdWeek.Bot.Tests.Storage.Contract;

/// <summary>
/// What every <see cref="IWeekStore"/> does, whichever database keeps it (<see cref="LiteDbWeekStoreContract"/>,
/// <see cref="PostgreSqlWeekStoreContract"/>): ids ignoring case, no second week under one id, and no write over a
/// revision other than the one the change was made on.
/// </summary>
public abstract class WeekStoreContract
{
    private IWeekStore? _store;

    /// <summary>An empty store, asked for once per test.</summary>
    protected abstract IWeekStore NewStore();

    private IWeekStore Store => _store ??= NewStore();

    private static readonly DateTime Created = new(2024, 5, 1, 2, 0, 0, DateTimeKind.Utc);

    private static StoredWeek Week(string id, int revision = 1, string title = "活动周", bool archived = false, bool changedInTeams = false,
        DateTime? at = null) => new()
    {
        Id = id,
        Json = $$"""{"id":"{{id}}","title":"{{title}}"}""",
        Revision = revision,
        FileHash = revision == 1 ? "AB12" : null,
        ChangedInTeams = changedInTeams,
        Archived = archived,
        CreatedAt = at ?? Created,
        UpdatedAt = at ?? Created.AddMinutes(revision),
    };

    [Fact]
    public void An_added_week_is_found_as_written_and_listed()
    {
        Assert.Null(Store.Find("2024-wuxi"));
        Assert.Empty(Store.All());

        Assert.True(Store.Add(Week("2024-wuxi", archived: true)));
        Assert.True(Store.Add(Week("2020-shandong")));

        var found = Store.Find("2024-wuxi")!;
        Assert.Equal(("2024-wuxi", """{"id":"2024-wuxi","title":"活动周"}""", 1, "AB12", false, true),
            (found.Id, found.Json, found.Revision, found.FileHash, found.ChangedInTeams, found.Archived));
        Assert.Equal((Created, Created.AddMinutes(1)), (found.CreatedAt, found.UpdatedAt));
        Assert.Equal(["2020-shandong", "2024-wuxi"], Store.All().Select(w => w.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_second_week_under_a_taken_id_is_refused_whatever_its_case()
    {
        Assert.True(Store.Add(Week("2024-wuxi", title: "第一")));

        Assert.False(Store.Add(Week("2024-wuxi", title: "第二")));
        Assert.False(Store.Add(Week("2024-WUXI", title: "第三")));

        Assert.Contains("第一", Assert.Single(Store.All()).Json, StringComparison.Ordinal);
        Assert.Equal("2024-wuxi", Store.Find("2024-Wuxi")!.Id);
    }

    [Fact]
    public void Replace_writes_over_the_revision_it_was_made_on()
    {
        Store.Add(Week("w"));
        var changed = Week("w", revision: 2, title: "改过", changedInTeams: true);

        Assert.True(Store.Replace(changed, expectedRevision: 1));

        var found = Store.Find("w")!;
        Assert.Equal((2, true, null, """{"id":"w","title":"改过"}"""), (found.Revision, found.ChangedInTeams, found.FileHash, found.Json));
    }

    [Fact]
    public void A_change_made_on_an_older_revision_does_not_overwrite_a_newer_one()
    {
        Store.Add(Week("w"));
        Assert.True(Store.Replace(Week("w", revision: 2, title: "甲的修改"), expectedRevision: 1));

        // Made on revision 1 too, but written after the other one: refused, the newer week stays.
        Assert.False(Store.Replace(Week("w", revision: 2, title: "乙的修改"), expectedRevision: 1));
        Assert.False(Store.Replace(Week("w", revision: 9, title: "丙的修改"), expectedRevision: 8));

        var found = Store.Find("w")!;
        Assert.Equal(2, found.Revision);
        Assert.Contains("甲的修改", found.Json, StringComparison.Ordinal);
    }

    [Fact]
    public void Replacing_a_week_that_is_not_there_writes_nothing()
    {
        Assert.False(Store.Replace(Week("missing", revision: 2), expectedRevision: 1));

        Assert.Empty(Store.All());
    }

    [Fact]
    public void Dates_come_back_as_the_same_instant_in_UTC()
    {
        var local = new DateTime(2024, 5, 14, 9, 30, 15, 250, DateTimeKind.Local);
        Store.Add(Week("w", at: local));

        var found = Store.Find("w")!;
        Assert.Equal((DateTimeKind.Utc, local.ToUniversalTime()), (found.CreatedAt.Kind, found.CreatedAt));
        Assert.Equal((DateTimeKind.Utc, local.ToUniversalTime()), (found.UpdatedAt.Kind, found.UpdatedAt));
    }
}
