using VocEdWeek.Bot.Identity;

namespace VocEdWeek.Bot.Tests.Storage.Contract;

/// <summary>
/// What every <see cref="IKnownUserStore"/> does, whichever database keeps it (<see cref="LiteDbKnownUserStoreContract"/>,
/// <see cref="PostgreSqlKnownUserStoreContract"/>).
/// </summary>
public abstract class KnownUserStoreContract
{
    private IKnownUserStore? _store;

    /// <summary>An empty store, asked for once per test.</summary>
    protected abstract IKnownUserStore NewStore();

    private IKnownUserStore Store => _store ??= NewStore();

    private static readonly DateTime Checked = new(2024, 5, 14, 1, 0, 0, DateTimeKind.Utc);

    private static KnownUser User(string id, string? email, string? upn = null, DateTime? at = null) =>
        new() { Id = id, AadObjectId = "aad-" + id, Email = email, UserPrincipalName = upn, CheckedAt = at ?? Checked };

    [Fact]
    public void A_saved_user_is_found_by_Teams_id_and_saving_again_overwrites_it()
    {
        Assert.Null(Store.Find("29:zhang"));

        Store.Save(User("29:zhang", "zhangwei@college.example.edu.cn", "zw@college.example.edu.cn"));

        var found = Store.Find("29:zhang")!;
        Assert.Equal(("29:zhang", "aad-29:zhang", "zhangwei@college.example.edu.cn", "zw@college.example.edu.cn", Checked),
            (found.Id, found.AadObjectId, found.Email, found.UserPrincipalName, found.CheckedAt));
        Assert.Null(Store.Find("29:other"));

        Store.Save(User("29:zhang", null, "zw2@college.example.edu.cn", Checked.AddDays(1)));
        var again = Store.Find("29:zhang")!;
        Assert.Equal(((string?)null, "zw2@college.example.edu.cn", Checked.AddDays(1)), (again.Email, again.UserPrincipalName, again.CheckedAt));
    }

    [Fact]
    public void A_user_is_found_by_email_or_UPN_ignoring_case()
    {
        Store.Save(User("29:wang", "WangQiang@College.example.edu.cn"));
        Store.Save(User("29:li", null, "LiNa@college.example.edu.cn"));

        Assert.Equal("29:wang", Store.FindByEmail("wangqiang@college.example.edu.cn")!.Id);
        Assert.Equal("29:li", Store.FindByEmail("LINA@COLLEGE.EXAMPLE.EDU.CN")!.Id);
        Assert.Null(Store.FindByEmail("nobody@college.example.edu.cn"));
        Assert.Null(Store.FindByEmail("wangqiang"));
    }

    [Fact]
    public void The_check_time_comes_back_as_the_same_instant_in_UTC()
    {
        var local = new DateTime(2024, 5, 14, 9, 30, 15, 250, DateTimeKind.Local);
        Store.Save(User("29:zhang", "z@college.example.edu.cn", at: local));

        var found = Store.FindByEmail("z@college.example.edu.cn")!;
        Assert.Equal((DateTimeKind.Utc, local.ToUniversalTime()), (found.CheckedAt.Kind, found.CheckedAt));
    }
}
