namespace VocEdWeek.Bot.Submissions;

/// <summary>免报: the office excused a department from one item (not counted missing, not reminded).</summary>
public sealed class Exemption
{
    public string Id { get; set; } = "";
    public string WeekId { get; set; } = "";
    public string DepartmentId { get; set; } = "";
    public string ItemKey { get; set; } = "";
    public string SetBy { get; set; } = "";
    public DateTime SetAt { get; set; }
    public string? Reason { get; set; }

    public static string KeyOf(string weekId, string departmentId, string itemKey) => $"{weekId}|{departmentId}|{itemKey}";
}
