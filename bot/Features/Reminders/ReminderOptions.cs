namespace VocEdWeek.Bot.Features.Reminders;

/// <summary><c>Reminders</c> section.</summary>
public sealed class ReminderOptions
{
    /// <summary>Remind backup liaisons too.</summary>
    public bool IncludeBackups { get; set; } = true;

    /// <summary>Automatic reminders (and late notices) one liaison gets per day at most; one-click reminders count too.</summary>
    public int MaxPerLiaisonPerDay { get; set; } = 4;

    /// <summary>One late notice this long after each deadline; zero or less turns late notices off.</summary>
    public TimeSpan LateNoticeAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A one-click reminder to the same person for the same item is not repeated within this time.</summary>
    public TimeSpan ClickCooldown { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long the one-click receipt waits for outcomes before answering (Teams allows ~15 s).</summary>
    public TimeSpan ReceiptWait { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>Entries shown by "催报记录".</summary>
    public int LogEntries { get; set; } = 20;

    public ReminderScheduleOptions Schedule { get; set; } = new();
}

/// <summary>
/// Local times (week's zone) per item, relative to the item's deadline day: "09:00" is on the deadline's
/// day, "-1d 16:00" the day before. Times at or after the deadline are ignored (the late notice covers that).
/// </summary>
public sealed class ReminderScheduleOptions
{
    public string[]? DailyReport { get; set; }
    public string[]? Plan { get; set; }
    public string[]? Statistics { get; set; }
    public string[]? Summary { get; set; }
}
