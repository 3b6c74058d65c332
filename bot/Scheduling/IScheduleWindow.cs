using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Scheduling;

/// <summary>The span of a week in which anything may run (nothing is sent before or after it).</summary>
public interface IScheduleWindow
{
    (DateTimeOffset From, DateTimeOffset To) Of(ActiveWeek week);
}
