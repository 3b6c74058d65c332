using VocEdWeek.Bot.Recommendations;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Storage.Contract;

/// <summary>
/// What every <see cref="IPickStore"/> does (<see cref="LiteDbPickStoreContract"/>, <see cref="PostgreSqlPickStoreContract"/>): one
/// record per source and item, a double submit stores once, a withdrawn pick is kept and can be picked again.
/// </summary>
public abstract class PickStoreContract
{
    private IPickStore? _store;

    /// <summary>An empty store, asked for once per test.</summary>
    protected abstract IPickStore NewStore();

    /// <summary>The same records as another instance of the bot sees them (on LiteDB, whose file one process owns: the same store).</summary>
    protected abstract IPickStore OtherInstance();

    private IPickStore Store => _store ??= NewStore();

    private const string Week = "2024-wuxi";
    private static readonly DateTime At = new(2024, 5, 14, 8, 0, 0, DateTimeKind.Utc);

    private static Pick Case(string department = "jd", PickSource source = PickSource.Office, DateTime? at = null, string week = Week) => new()
    {
        WeekId = week, Source = source, DepartmentId = department, ItemKey = "report:2024-05-14", Kind = PickKind.Case,
        Reason = "校企合作典型", ByName = "吴苏玲", ByAadObjectId = "aad-wsl", At = at ?? At,
    };

    private static Pick Photo(string mediaId, DateTime at) => new()
    {
        WeekId = Week, Source = PickSource.Office, DepartmentId = "xx", ItemKey = "report:2024-05-13", Kind = PickKind.Photo,
        MediaId = mediaId, ByName = "吴苏玲", At = at,
    };

    [Fact]
    public void A_pick_is_kept_as_made()
    {
        Assert.True(Store.Put(Case()));

        var p = Assert.Single(Store.Active(Week));
        Assert.Equal((Pick.IdOf(Week, PickSource.Office, "jd|report:2024-05-14|Case"), Week, PickSource.Office, "jd", "report:2024-05-14", PickKind.Case),
            (p.Id, p.WeekId, p.Source, p.DepartmentId, p.ItemKey, p.Kind));
        Assert.Equal(((string?)null, "校企合作典型", "吴苏玲", "aad-wsl", At, (DateTime?)null, (string?)null, true),
            (p.MediaId, p.Reason, p.ByName, p.ByAadObjectId, p.At, p.WithdrawnAt, p.WithdrawnByName, p.IsActive));
        Assert.Equal(DateTimeKind.Utc, p.At.Kind);
    }

    [Fact]
    public void Putting_the_same_item_twice_stores_it_once_and_answers_false()
    {
        Assert.True(Store.Put(Case()));
        Assert.False(Store.Put(Case(at: At.AddMinutes(1))));

        var p = Assert.Single(Store.All(Week));
        Assert.Equal(At, p.At);
    }

    [Fact]
    public void The_office_and_the_liaison_choosing_one_item_are_two_records()
    {
        Assert.True(Store.Put(Case(source: PickSource.Liaison)));
        Assert.True(Store.Put(Case(at: At.AddMinutes(1))));

        Assert.Equal([PickSource.Liaison, PickSource.Office], Store.Active(Week).Select(p => p.Source));
        Assert.Equal(Store.Active(Week)[0].ItemId, Store.Active(Week)[1].ItemId);
    }

    [Fact]
    public void A_withdrawn_pick_is_kept_with_who_and_when_and_a_second_withdraw_is_false()
    {
        var pick = Case();
        Store.Put(pick);

        Assert.True(Store.Withdraw(Week, PickSource.Office, pick.ItemId, "王强", At.AddHours(1)));
        Assert.False(Store.Withdraw(Week, PickSource.Office, pick.ItemId, "王强", At.AddHours(2)));
        Assert.False(Store.Withdraw(Week, PickSource.Liaison, pick.ItemId, "王强", At.AddHours(2)));
        Assert.False(Store.Withdraw(Week, PickSource.Office, "jd|report:2024-05-15|Story", "王强", At.AddHours(2)));

        Assert.Empty(Store.Active(Week));
        var kept = Assert.Single(Store.All(Week));
        Assert.Equal((At.AddHours(1), "王强", false), (kept.WithdrawnAt, kept.WithdrawnByName, kept.IsActive));
        Assert.Equal(DateTimeKind.Utc, kept.WithdrawnAt!.Value.Kind);
    }

    [Fact]
    public void Picking_a_withdrawn_item_again_makes_it_active_with_the_new_reason_who_and_when()
    {
        var pick = Case();
        Store.Put(pick);
        Store.Withdraw(Week, PickSource.Office, pick.ItemId, "王强", At.AddHours(1));

        var again = Case(at: At.AddHours(2));
        again.Reason = "重新推荐";
        again.ByName = "王强";
        again.ByAadObjectId = null;
        Assert.True(Store.Put(again));

        var p = Assert.Single(Store.All(Week));
        Assert.Equal(("重新推荐", "王强", (string?)null, At.AddHours(2), (DateTime?)null, (string?)null),
            (p.Reason, p.ByName, p.ByAadObjectId, p.At, p.WithdrawnAt, p.WithdrawnByName));
        Assert.Single(Store.Active(Week));
    }

    [Fact]
    public void Active_and_all_are_oldest_first_and_only_all_holds_the_withdrawn()
    {
        Store.Put(Photo("m3", At.AddMinutes(3)));
        Store.Put(Photo("m1", At.AddMinutes(1)));
        Store.Put(Photo("m2", At.AddMinutes(2)));
        Store.Withdraw(Week, PickSource.Office, "xx|report:2024-05-13|Photo|m2", "吴苏玲", At.AddMinutes(4));

        Assert.Equal(["m1", "m2", "m3"], Store.All(Week).Select(p => p.MediaId));
        Assert.Equal(["m1", "m3"], Store.Active(Week).Select(p => p.MediaId));
    }

    [Fact]
    public void Weeks_are_kept_apart()
    {
        Store.Put(Case());
        Store.Put(Case(week: "2025-wuxi"));
        Store.Withdraw("2025-wuxi", PickSource.Office, Case().ItemId, "王强", At.AddHours(1));

        Assert.True(Assert.Single(Store.Active(Week)).IsActive);
        Assert.Equal("2025-wuxi", Assert.Single(Store.All("2025-wuxi")).WeekId);
        Assert.Empty(Store.Active("2025-wuxi"));
        Assert.Empty(Store.All("2023-wuxi"));
    }

    [Fact]
    public void Of_many_puts_of_one_item_at_once_on_two_instances_exactly_one_stores_it()
    {
        var store = Store;
        var other = OtherInstance();

        var stored = Simultaneously.Run(8, i => (i % 2 == 0 ? store : other).Put(Case(at: At.AddSeconds(i))));

        Assert.Equal(1, stored.Count(s => s));
        Assert.Single(Store.All(Week));
    }

    [Fact]
    public void Of_many_withdraws_at_once_exactly_one_withdraws()
    {
        Store.Put(Case());
        var other = OtherInstance();

        var withdrawn = Simultaneously.Run(8, i => (i % 2 == 0 ? Store : other).Withdraw(Week, PickSource.Office, Case().ItemId, "王强", At.AddMinutes(i)));

        Assert.Equal(1, withdrawn.Count(w => w));
        Assert.Empty(Store.Active(Week));
    }
}
