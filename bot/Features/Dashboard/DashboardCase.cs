using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.Dashboard;

/// <summary>A typical case (典型活动案例) of a current daily report, as the dashboard lists it: department, day, first line.</summary>
public sealed record DashboardCase(Department Department, DateOnly Day, string Line)
{
    public string ItemKey => new WeekItem(ItemKind.DailyReport, Day).Key;
}
