namespace VocEdWeek.Bot.Submissions;

/// <summary>未提交 / 已提交 / 迟交 (same day, after the deadline) / 补交 (a later day) / 免报.</summary>
public enum ItemStatus
{
    Missing,
    OnTime,
    Late,
    MadeUp,
    Exempt,
}
