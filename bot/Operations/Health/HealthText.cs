using System.Globalization;

namespace VocEdWeek.Bot.Operations.Health;

/// <summary>Durations in the answers, short and unambiguous ("45 s", "12 min", "3.5 h").</summary>
internal static class HealthText
{
    public static string Age(TimeSpan age)
    {
        if (age < TimeSpan.Zero) age = TimeSpan.Zero;
        if (age < TimeSpan.FromMinutes(2)) return $"{(int)age.TotalSeconds} s";
        if (age < TimeSpan.FromHours(2)) return $"{(int)age.TotalMinutes} min";
        return string.Create(CultureInfo.InvariantCulture, $"{age.TotalHours:0.#} h");
    }
}
