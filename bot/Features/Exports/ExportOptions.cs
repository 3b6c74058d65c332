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
}
