namespace VocEdWeek.Bot.Weeks;

/// <summary>One year's activity week, as written in its JSON file (field names are the file's contract).</summary>
public sealed record WeekDefinition
{
    public string Id { get; init; } = "";
    public string Title { get; init; } = "";
    public string? Theme { get; init; }
    /// <summary>The school running the week ("本校"), for the headings of what the office passes up; optional.</summary>
    public string? School { get; init; }
    public string TimeZone { get; init; } = "Asia/Shanghai";
    public string Locale { get; init; } = "zh-CN";
    public DateOnly Start { get; init; }
    public DateOnly End { get; init; }
    public WeekDeadlines Deadlines { get; init; } = new();
    public OfficeInfo Office { get; init; } = new();
    public IReadOnlyList<Department> Departments { get; init; } = [];
}

/// <summary>Deadlines in the week's local time: full local date-times, and the daily report's time of day.</summary>
public sealed record WeekDeadlines
{
    public string? Plan { get; init; }
    public string DailyReport { get; init; } = "12:00";
    public string? Statistics { get; init; }
    public string? Summary { get; init; }
}

public sealed record OfficeInfo
{
    public string Name { get; init; } = "教务处";
    /// <summary>Progress, reminders, exemptions, exports.</summary>
    public IReadOnlyList<Person> Staff { get; init; } = [];
    /// <summary>Read-only (e.g. school leaders): progress and the dashboard.</summary>
    public IReadOnlyList<Person> Observers { get; init; } = [];
    /// <summary>Everything staff do, plus setting up weeks, the roster and settings (<c>Office:Admins</c> are admins too).</summary>
    public IReadOnlyList<Person> Admins { get; init; } = [];
}

public sealed record Department
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public IReadOnlyList<Person> Liaisons { get; init; } = [];
}

public sealed record Person
{
    public string Name { get; init; } = "";
    public string? Email { get; init; }
    public string? AadObjectId { get; init; }
    public string? Phone { get; init; }
    public bool Backup { get; init; }
}
