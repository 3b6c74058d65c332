namespace VocEdWeek.Bot.Weeks.Settings;

/// <summary>What a change came to: applied (with its log entry and the new week), or refused with a localization key.</summary>
public sealed record ChangeOutcome(ActiveWeek? Week, SettingsLogEntry? Entry, string? RefusalKey, object?[] RefusalArgs)
{
    public bool Applied => RefusalKey is null;

    public static ChangeOutcome Refused(string key, params object?[] args) => new(null, null, key, args);
}
