namespace VocEdWeek.Bot.Recommendations;

/// <summary>Who chose an item: the office picks (择优推荐); a liaison only nominates their own department's (自荐).</summary>
public enum PickSource
{
    Office,
    Liaison,
}
