namespace VocEdWeek.Bot.Features.Exports;

/// <summary><c>Exports</c> section.</summary>
public sealed class ExportOptions
{
    /// <summary>
    /// Exports kept in the bot's local folder are deleted this long after they were made (their links expire long
    /// before); zero or less keeps them. Exports in SharePoint are the office's and never deleted by the bot.
    /// </summary>
    public TimeSpan KeepLocalFor { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often old local exports are looked for.</summary>
    public TimeSpan HousekeepingInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>
    /// A picked video larger than this is linked in 推荐素材清单 instead of copied into the zip: a package that a city
    /// office must download whole stays small enough to pass on by mail or a portal's upload form.
    /// </summary>
    public long RecommendMaxVideoBytes { get; set; } = 300L * 1024 * 1024;
}
