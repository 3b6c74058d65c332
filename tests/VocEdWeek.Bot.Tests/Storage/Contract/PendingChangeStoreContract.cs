using VocEdWeek.Bot.Features.Settings;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Tests.Storage.Contract;

/// <summary>
/// What every <see cref="IPendingChangeStore"/> does (<see cref="LiteDbPendingChangeStoreContract"/>,
/// <see cref="PostgreSqlPendingChangeStoreContract"/>): a change kept as asked, claimed exactly once however many press.
/// </summary>
public abstract class PendingChangeStoreContract
{
    private IPendingChangeStore? _store;

    /// <summary>An empty store, asked for once per test.</summary>
    protected abstract IPendingChangeStore NewStore();

    /// <summary>The same records as another instance of the bot sees them (on LiteDB, whose file one process owns: the same store).</summary>
    protected abstract IPendingChangeStore OtherInstance();

    private IPendingChangeStore Store => _store ??= NewStore();

    private static readonly DateTime Asked = new(2024, 5, 14, 2, 0, 0, DateTimeKind.Utc);

    private static PendingChange Change() => new()
    {
        WeekId = "2024-wuxi",
        Proposal = new SettingsProposal
        {
            Kind = "liaison.replace", DepartmentId = "jd", Name = "李明", OldKey = "zhangwei@college.example.edu.cn",
            Email = "liming@college.example.edu.cn", Phone = "13800000001", Backup = true, Role = Role.Staff, Item = ItemKind.Plan,
            When = "2024-05-10T17:30", Reason = "调岗",
        },
        AskedByTeamsId = "29:1abc",
        AskedByName = "王强",
        CreatedAt = Asked,
        ExpiresAt = Asked + PendingChange.Lifetime,
    };

    [Fact]
    public void An_added_change_gets_an_id_and_is_found_as_asked()
    {
        var added = Store.Add(Change());

        Assert.False(string.IsNullOrEmpty(added.Id));
        var found = Store.Find(added.Id)!;
        var p = found.Proposal;
        Assert.Equal(("2024-wuxi", "29:1abc", "王强", Asked, Asked.AddMinutes(30), null, null),
            (found.WeekId, found.AskedByTeamsId, found.AskedByName, found.CreatedAt, found.ExpiresAt, found.DoneAt, found.Outcome));
        Assert.Equal(("liaison.replace", "jd", "李明", "zhangwei@college.example.edu.cn", "liming@college.example.edu.cn", "13800000001"),
            (p.Kind, p.DepartmentId, p.Name, p.OldKey, p.Email, p.Phone));
        Assert.Equal((true, Role.Staff, ItemKind.Plan, "2024-05-10T17:30", "调岗", (string?)null), (p.Backup, p.Role, p.Item, p.When, p.Reason, p.AadObjectId));
        Assert.Equal(DateTimeKind.Utc, found.ExpiresAt.Kind);
        Assert.NotEqual(added.Id, Store.Add(Change()).Id);
    }

    [Fact]
    public void Nothing_is_found_for_no_id_or_an_unknown_one()
    {
        Store.Add(Change());

        Assert.Null(Store.Find(null));
        Assert.Null(Store.Find(""));
        Assert.Null(Store.Find("0123456789abcdef01234567"));
    }

    [Fact]
    public void A_change_is_claimed_once_and_then_finished()
    {
        var change = Store.Add(Change());
        var now = Asked.AddMinutes(3);

        Assert.True(Store.TryClaim(change, now));
        Assert.Equal(now, change.DoneAt);
        Assert.False(Store.TryClaim(Store.Find(change.Id)!, now.AddSeconds(1)));
        Store.Finish(change, "applied");

        var found = Store.Find(change.Id)!;
        Assert.Equal((now, "applied"), (found.DoneAt, found.Outcome));
        Assert.Equal("applied", change.Outcome);
    }

    [Fact]
    public void A_change_that_is_not_stored_cannot_be_claimed()
    {
        Assert.False(Store.TryClaim(new PendingChange { Id = "0123456789abcdef01234567" }, Asked));
    }

    [Fact]
    public void Of_many_presses_at_once_on_two_instances_exactly_one_claims_it()
    {
        var change = Store.Add(Change());
        var other = OtherInstance();

        var wins = Racers.Succeeded(8, i => (i % 2 == 0 ? Store : other).TryClaim((i % 2 == 0 ? Store : other).Find(change.Id)!, Asked.AddMinutes(i)));

        Assert.Equal(1, wins);
        Assert.NotNull(Store.Find(change.Id)!.DoneAt);
    }
}
