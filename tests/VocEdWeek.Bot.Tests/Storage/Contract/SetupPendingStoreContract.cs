using Microsoft.Extensions.Time.Testing;
using VocEdWeek.Bot.Features.WeekSetup;

namespace VocEdWeek.Bot.Tests.Storage.Contract;

/// <summary>
/// What every <see cref="ISetupPendingStore"/> does (<see cref="LiteDbSetupPendingStoreContract"/>,
/// <see cref="PostgreSqlSetupPendingStoreContract"/>): kept as previewed, found by kind until it expires, claimed exactly once.
/// </summary>
public abstract class SetupPendingStoreContract
{
    private ISetupPendingStore? _store;

    protected readonly FakeTimeProvider Clock = new(new DateTimeOffset(2024, 5, 14, 2, 0, 0, TimeSpan.Zero));

    /// <summary>An empty store on <paramref name="time"/>, asked for once per test.</summary>
    protected abstract ISetupPendingStore NewStore(TimeProvider time);

    /// <summary>The same records as another instance of the bot sees them (on LiteDB, whose file one process owns: the same store).</summary>
    protected abstract ISetupPendingStore OtherInstance(TimeProvider time);

    private ISetupPendingStore Store => _store ??= NewStore(Clock);

    private SetupPending Roster() => Store.Add(SetupPending.RosterKind, """[{"id":"d01","name":"智能制造学院"}]""", "名单.xlsx", "ad01", "2024-wuxi", 3);

    [Fact]
    public void An_added_item_is_found_by_its_kind_as_previewed()
    {
        var added = Roster();
        var draft = Store.Add(SetupPending.WeekKind, """{"title":"2025年活动周"}""", "通知.docx", "ad02");

        var found = Store.Find(added.Id, SetupPending.RosterKind)!;
        Assert.Equal((SetupPending.RosterKind, "2024-wuxi", 3, """[{"id":"d01","name":"智能制造学院"}]""", "名单.xlsx", "ad01", Clock.GetUtcNow().UtcDateTime, null, null),
            (found.Kind, found.WeekId, found.Revision, found.Payload, found.Source, found.RequestedBy, found.CreatedAt, found.DoneAt, found.Outcome));
        Assert.Equal(DateTimeKind.Utc, found.CreatedAt.Kind);
        var week = Store.Find(draft.Id, SetupPending.WeekKind)!;
        Assert.Equal((null, 0, "通知.docx"), (week.WeekId, week.Revision, week.Source));
        Assert.NotEqual(added.Id, draft.Id);
    }

    [Fact]
    public void Nothing_is_found_for_no_id_an_unknown_one_or_another_kind()
    {
        var added = Roster();

        Assert.Null(Store.Find(null, SetupPending.RosterKind));
        Assert.Null(Store.Find("", SetupPending.RosterKind));
        Assert.Null(Store.Find("0123456789abcdef0123456789abcdef", SetupPending.RosterKind));
        Assert.Null(Store.Find(added.Id, SetupPending.WeekKind));
    }

    [Fact]
    public void An_unconfirmed_item_expires_after_its_lifetime_but_a_done_one_is_still_found()
    {
        var open = Roster();
        var done = Roster();
        Store.Done(done, "已导入");

        Clock.Advance(SetupPending.Lifetime);
        Assert.NotNull(Store.Find(open.Id, SetupPending.RosterKind));
        Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Null(Store.Find(open.Id, SetupPending.RosterKind));
        Assert.Equal("已导入", Store.Find(done.Id, SetupPending.RosterKind)!.Outcome);
    }

    [Fact]
    public void An_item_is_claimed_once_given_back_by_Release_and_closed_by_Done()
    {
        var item = Roster();

        Assert.True(Store.TryClaim(item));
        Assert.Equal(Clock.GetUtcNow().UtcDateTime, item.DoneAt);
        Assert.False(Store.TryClaim(Store.Find(item.Id, SetupPending.RosterKind)!));

        Store.Release(item);
        Assert.Null(item.DoneAt);
        Assert.Null(Store.Find(item.Id, SetupPending.RosterKind)!.DoneAt);
        Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(Store.TryClaim(item));

        Store.Done(item, "已导入 12 个部门");
        var found = Store.Find(item.Id, SetupPending.RosterKind)!;
        Assert.Equal((Clock.GetUtcNow().UtcDateTime, "已导入 12 个部门"), (found.DoneAt, found.Outcome));
        Assert.False(Store.TryClaim(found));
    }

    [Fact]
    public void An_item_that_is_not_stored_cannot_be_claimed()
    {
        Assert.False(Store.TryClaim(new SetupPending { Id = "0123456789abcdef0123456789abcdef", Kind = SetupPending.RosterKind }));
    }

    [Fact]
    public void Of_many_presses_at_once_on_two_instances_exactly_one_claims_it()
    {
        var item = Roster();
        var other = OtherInstance(Clock);

        var wins = Racers.Succeeded(8, i => (i % 2 == 0 ? Store : other) is var s && s.TryClaim(s.Find(item.Id, SetupPending.RosterKind)!));

        Assert.Equal(1, wins);
        Assert.NotNull(Store.Find(item.Id, SetupPending.RosterKind)!.DoneAt);
    }
}
