namespace VocEdWeek.Bot.Submissions;

/// <summary>
/// One version of what a department handed in for one item. Every version is kept; the newest is
/// the one that counts (<see cref="IsCurrent"/>). <see cref="Data"/> is the form's fields as JSON.
/// </summary>
public sealed class Submission
{
    public string Id { get; set; } = "";
    public string WeekId { get; set; } = "";
    public string DepartmentId { get; set; } = "";
    public string ItemKey { get; set; } = "";
    public int Version { get; set; }
    public bool IsCurrent { get; set; }
    public DateTime SubmittedAt { get; set; }
    public string SubmittedByName { get; set; } = "";
    public string? SubmittedByAadObjectId { get; set; }
    public string SubmittedByTeamsId { get; set; } = "";
    /// <summary>The card instance it came from: a second click on the same card is the same submission.</summary>
    public string? IdempotencyKey { get; set; }
    public string Data { get; set; } = "{}";

    /// <summary>"week|department|item", stored and indexed so versioning reads one item, not the whole week.</summary>
    public string Slot
    {
        get => SlotOf(WeekId, DepartmentId, ItemKey);
        set { } // computed; the setter only lets LiteDB store it
    }

    public static string SlotOf(string weekId, string departmentId, string itemKey) => $"{weekId}|{departmentId}|{itemKey}";
}
