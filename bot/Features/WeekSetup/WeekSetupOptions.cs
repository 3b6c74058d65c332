namespace VocEdWeek.Bot.Features.WeekSetup;

/// <summary><c>Week:WorkdayEnd</c>: "X日前", "X日之前" and "下班前" in a notice mean this time on that day.</summary>
public sealed class WeekSetupOptions
{
    public TimeOnly WorkdayEnd { get; init; } = new(17, 30);

    public static WeekSetupOptions From(IConfiguration configuration)
    {
        var raw = configuration["Week:WorkdayEnd"];
        if (string.IsNullOrWhiteSpace(raw)) return new WeekSetupOptions();
        if (!TimeOnly.TryParseExact(raw.Trim(), ["H:mm", "HH:mm"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var end))
            throw new ConfigurationException($"Week:WorkdayEnd: '{raw}' is not a time of day like 17:30.");
        return new WeekSetupOptions { WorkdayEnd = end };
    }
}
