using System.Globalization;
using System.Net.Mail;
using System.Text.RegularExpressions;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.Forms;

/// <summary>The server's checks, mirroring the card's (isRequired, maxLength, regex, min/max): each returns the message or null.</summary>
public static partial class FormRules
{
    public static string? Text(Strings t, string value, int maxLength, bool required)
    {
        var trimmed = value.Trim();
        if (trimmed.Length == 0) return required ? t["form_err_required"] : null;
        return trimmed.Length > maxLength ? t.Format("form_err_too_long", maxLength, trimmed.Length) : null;
    }

    public static string? HttpUrl(Strings t, string value, int maxLength)
    {
        var trimmed = value.Trim();
        if (trimmed.Length > maxLength) return t.Format("form_err_too_long", maxLength, trimmed.Length);
        return IsHttpUrl(trimmed) ? null : t["form_err_url"];
    }

    public static bool IsHttpUrl(string value) =>
        !value.Any(char.IsWhiteSpace)
        && Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.Host.Contains('.', StringComparison.Ordinal);

    /// <summary>One http(s) address per line; blank lines are ignored.</summary>
    public static (IReadOnlyList<string> Urls, string? Error) UrlLines(Strings t, string value, int maxLines, int maxLength)
    {
        var lines = value.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (lines.Count > maxLines) return (lines, t.Format("form_err_too_many_lines", maxLines));
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Length > maxLength || !IsHttpUrl(lines[i]))
                return (lines, t.Format("form_err_url_line", i + 1, Shorten(lines[i], 40)));
        }
        return (lines, null);
    }

    public static string? Email(Strings t, string value)
    {
        var trimmed = value.Trim();
        if (trimmed.Length == 0) return t["form_err_required"];
        if (trimmed.Length > 100) return t.Format("form_err_too_long", 100, trimmed.Length);
        return EmailShape().IsMatch(trimmed) && MailAddress.TryCreate(trimmed, out _) ? null : t["form_err_email"];
    }

    public static string? Phone(Strings t, string value)
    {
        var trimmed = value.Trim();
        if (trimmed.Length == 0) return t["form_err_required"];
        return PhoneShape().IsMatch(trimmed) && trimmed.Count(char.IsAsciiDigit) >= 5 ? null : t["form_err_phone"];
    }

    /// <summary>A whole number from 0 to <paramref name="max"/>; "" is null (an error only when required).</summary>
    public static (long? Value, string? Error) WholeNumber(Strings t, string raw, bool required, long max)
    {
        var trimmed = raw.Trim();
        if (trimmed.Length == 0) return (null, required ? t["form_err_required"] : null);
        if (!decimal.TryParse(trimmed, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var number))
            return (null, t["form_err_number"]);
        if (number < 0) return (null, t["form_err_negative"]);
        if (number != decimal.Truncate(number)) return (null, t["form_err_whole"]);
        if (number > max) return (null, t.Format("form_err_too_big", max));
        return ((long)number, null);
    }

    /// <summary>A yyyy-MM-dd date inside the week.</summary>
    public static (DateOnly? Value, string? Error) DateInWeek(Strings t, string raw, WeekCalendar calendar, bool required)
    {
        var trimmed = raw.Trim();
        if (trimmed.Length == 0) return (null, required ? t["form_err_required"] : null);
        if (!DateOnly.TryParseExact(trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) || !calendar.IsWeekDay(day))
            return (null, DateError(t, calendar));
        return (day, null);
    }

    public static string DateError(Strings t, WeekCalendar calendar) => t.Format("form_err_date", WeekTime.Range(calendar, t));

    public static string Shorten(string text, int max)
    {
        var oneLine = text.ReplaceLineEndings(" ").Trim();
        return oneLine.Length <= max ? oneLine : string.Concat(oneLine.AsSpan(0, max), "…");
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailShape();

    [GeneratedRegex(@"^[0-9+()\- ]{5,30}$")]
    private static partial Regex PhoneShape();
}
