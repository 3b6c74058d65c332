namespace VocEdWeek.Bot.Weeks.Settings;

/// <summary>
/// One change to a week's settings: who, when, what (a <see cref="WeekChange"/> kind), and the value before and after in
/// words that need no translation (names, e-mails, dates), so "设置记录" can show it in either language.
/// </summary>
public sealed class SettingsLogEntry
{
    /// <summary>A fresh key per entry; entries written before it was a string carry a LiteDB ObjectId's 24 hex digits.</summary>
    public string Id { get; set; } = Guid.NewGuid().ToString("N");
    public string WeekId { get; set; } = "";
    public DateTime At { get; set; }
    public string ActorName { get; set; } = "";
    /// <summary>Entra object id, or the e-mail when that is all that is known.</summary>
    public string? ActorKey { get; set; }
    public string Kind { get; set; } = "";
    /// <summary>What it is about: a department, a person, a deadline.</summary>
    public string Subject { get; set; } = "";
    public string Before { get; set; } = "";
    public string After { get; set; } = "";
    /// <summary>The week's revision this change produced.</summary>
    public int Revision { get; set; }
}
