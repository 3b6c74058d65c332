using VocEdWeek.Bot.Features.Dashboard.SignIn;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Tests.Features.Dashboard.SignIn;

/// <summary>Every role the roster knows maps to one view; anyone else sees nothing.</summary>
public sealed class TabViewsTests
{
    private static readonly Person Someone = new() { Name = "某人", Email = "someone@college.example.edu.cn" };
    private static readonly Department Jd = new() { Id = "jd", Name = "机电工程学院" };

    [Fact]
    public void EveryRole_HasItsView()
    {
        foreach (var role in Enum.GetValues<Role>())
        {
            var expected = role switch { Role.Staff or Role.Observer => TabView.Dashboard, Role.Admin => TabView.Roster, Role.Liaison => TabView.Department, _ => TabView.Nothing };
            Assert.Equal(expected, TabViews.For(new Member(role, Someone, role == Role.Liaison ? Jd : null)));
        }
        Assert.Equal(TabView.Nothing, TabViews.For(null));
        Assert.Equal(TabView.Nothing, TabViews.For(new Member(Role.Liaison, Someone, null)));
    }
}
