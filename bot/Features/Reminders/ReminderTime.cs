using System.Globalization;
using System.Text.RegularExpressions;

namespace VocEdWeek.Bot.Features.Reminders;

/// <summary>"09:00" or "-1d 16:00": a local time of day, some days before (or after) an item's deadline day.</summary>
public sealed partial record ReminderTime(int DayOffset, TimeOnly Time)
{
    public static ReminderTime Parse(string text, string configKey)
    {
        var m = Pattern().Match(text.Trim());
        if (!m.Success || !TimeOnly.TryParseExact(m.Groups["time"].Value, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            throw new ConfigurationException($"{configKey}: '{text}' is not a time like \"09:00\" or \"-1d 16:00\".");
        var offset = m.Groups["days"].Success ? int.Parse(m.Groups["days"].Value, CultureInfo.InvariantCulture) : 0;
        return new ReminderTime(offset, time);
    }

    [GeneratedRegex(@"^(?:(?<days>[+-]?\d{1,2})d\s+)?(?<time>\d{1,2}:\d{2})$")]
    private static partial Regex Pattern();
}
