namespace VocEdWeek.Bot.Features.Recommend;

/// <summary>
/// 自荐 is a hint to the office, not a second way of picking: a department names at most three items, so what it puts
/// forward stays its best and the office's list stays short.
/// </summary>
public static class NominationLimit
{
    public const int Max = 3;
}
