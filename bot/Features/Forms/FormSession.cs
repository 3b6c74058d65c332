using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.Forms;

/// <summary>A liaison at work on the active week: who, for which department, in which language, and when.</summary>
public sealed record FormSession(TurnContext Turn, ActiveWeek Week, Member Member, Strings T, DateTimeOffset Now)
{
    public Department Department => Member.Department!;
    public WeekCalendar Calendar => Week.Calendar;
    public string WeekId => Week.Definition.Id;

    /// <summary>Today in the week's own time zone.</summary>
    public DateOnly Today => Calendar.LocalDate(Now);

    public FormInput Input => new(Turn.Value);
}
