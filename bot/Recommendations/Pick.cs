namespace VocEdWeek.Bot.Recommendations;

/// <summary>
/// One item chosen for passing upward, by the office (<see cref="PickSource.Office"/>) or nominated by its department's
/// liaison (<see cref="PickSource.Liaison"/>). A withdrawn pick is kept (who, when) rather than deleted, so the office can
/// see what was chosen and undone; picking it again makes it active once more.
/// </summary>
public sealed class Pick
{
    /// <summary><see cref="IdOf"/>: one record per source and item, so a double submit stores once.</summary>
    public string Id { get; set; } = "";
    public string WeekId { get; set; } = "";
    public PickSource Source { get; set; }
    public string DepartmentId { get; set; } = "";
    /// <summary>The report day's item key, e.g. "report:2024-05-14" (<see cref="Weeks.WeekItem"/>).</summary>
    public string ItemKey { get; set; } = "";
    public PickKind Kind { get; set; }
    /// <summary>For photos and videos: the <see cref="Files.MediaRecord"/> id; null for the texts.</summary>
    public string? MediaId { get; set; }
    public string? Reason { get; set; }
    public string ByName { get; set; } = "";
    public string? ByAadObjectId { get; set; }
    /// <summary>When it was (last) picked, UTC.</summary>
    public DateTime At { get; set; }
    public DateTime? WithdrawnAt { get; set; }
    public string? WithdrawnByName { get; set; }

    public bool IsActive => WithdrawnAt is null;

    /// <summary>The item itself, whoever chose it: "{department}|{itemKey}|{kind}" or, for media, "{department}|{itemKey}|{kind}|{mediaId}".</summary>
    public string ItemId => ItemIdOf(DepartmentId, ItemKey, Kind, MediaId);

    public static string ItemIdOf(string departmentId, string itemKey, PickKind kind, string? mediaId) =>
        mediaId is null ? $"{departmentId}|{itemKey}|{kind}" : $"{departmentId}|{itemKey}|{kind}|{mediaId}";

    public static string IdOf(string weekId, PickSource source, string itemId) => $"{weekId}|{source}|{itemId}";
}
