namespace VocEdWeek.Bot.Recommendations;

/// <summary>What can be recommended upward: the daily report's three texts, and the photos and videos of a report day.</summary>
public enum PickKind
{
    /// <summary>典型活动案例 (the daily report's typicalCase).</summary>
    Case,

    /// <summary>典型职教故事 (story).</summary>
    Story,

    /// <summary>重点和特色活动报道 (featureReport).</summary>
    Featured,

    Photo,
    Video,
}
