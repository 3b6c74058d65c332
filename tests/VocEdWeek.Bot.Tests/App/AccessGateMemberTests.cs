using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using VocEdWeek.Bot.Handlers;
using VocEdWeek.Bot.App;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Identity;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Tests.Features.Forms;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Tests.App;

/// <summary>
/// Handlers take the member the gate let through instead of resolving and checking the role again: the gate remembers
/// whom it admitted on a turn, and only on that turn, and nobody it refused.
/// </summary>
public sealed class AccessGateMemberTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly TestStores _stores;
    private readonly RecordingMessenger _messenger = new();
    private readonly AccessGate _gate;

    public AccessGateMemberTests()
    {
        _stores = new TestStores(Path.Combine(_dir.Path, "data"));
        // Tuesday 14 May 2024, 10:00 in Beijing: the Wuxi week is on.
        var clock = new FakeTimeProvider(new DateTimeOffset(2024, 5, 14, 2, 0, 0, TimeSpan.Zero));
        var weeks = TestWeeks.Catalog(_stores.Get<VocEdWeek.Bot.Weeks.Store.IWeekStore>(), clock, Path.Combine(RepoPaths.Samples, "2024-wuxi.json"));
        _gate = new AccessGate(weeks, new IdentityResolver(_stores.Get<IKnownUserStore>(), weeks, clock));
    }

    public void Dispose()
    {
        _stores.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task Staff_let_through_is_the_admitted_member_of_that_turn_only()
    {
        var turn = Turn(FormsWorld.Staff);
        Assert.True(await _gate.AllowAsync(turn, Access.Staff, CancellationToken.None));
        var member = _gate.Admitted(turn);
        Assert.NotNull(member);
        Assert.Equal(Role.Staff, member.Role);
        Assert.Equal(FormsWorld.Staff.Name, member.Person.Name);
        Assert.Null(_gate.Admitted(Turn(FormsWorld.Staff)));
    }

    [Fact]
    public async Task A_liaison_refused_staff_access_is_not_admitted_and_gets_the_refusal()
    {
        var turn = Turn(FormsWorld.Liaison);
        Assert.False(await _gate.AllowAsync(turn, Access.Staff, CancellationToken.None));
        Assert.Null(_gate.Admitted(turn));
        Assert.Single(_messenger.Sent);
    }

    [Fact]
    public async Task A_route_open_to_anyone_admits_no_member()
    {
        var turn = Turn(FormsWorld.Staff);
        Assert.True(await _gate.AllowAsync(turn, Access.Anyone, CancellationToken.None));
        Assert.Null(_gate.Admitted(turn));
    }

    private TurnContext Turn(TestUser user) => new(_messenger)
    {
        Kind = TurnKind.Message,
        Conversation = new ConversationRef(
            "https://smba.example/", $"a:{user.AadObjectId}", "tenant", "28:bot", "bot", ConversationScope.Personal, user.Id, user.AadObjectId),
        User = new UserRef(user.Id, user.AadObjectId, user.Name),
        Culture = CultureInfo.GetCultureInfo("zh-CN"),
        ReceivedAt = new DateTimeOffset(2024, 5, 14, 2, 0, 0, TimeSpan.Zero),
        Text = "提醒",
        ActivityId = $"act-{Guid.NewGuid():N}",
    };
}
