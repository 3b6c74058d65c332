using System.Globalization;

namespace VocEdWeek.Bot.Protocol;

/// <summary>zh-CN unless the activity (or its clientInfo entity) says the user reads English.</summary>
public static class ActivityLocale
{
    public static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    public static CultureInfo Resolve(Activity activity)
    {
        var locale = activity.Locale;
        if (string.IsNullOrWhiteSpace(locale))
        {
            locale = activity.Entities?.FirstOrDefault(e => string.Equals(e.Type, "clientInfo", StringComparison.OrdinalIgnoreCase))?.Locale;
        }
        return locale is not null && locale.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : Chinese;
    }
}
