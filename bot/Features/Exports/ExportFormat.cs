using System.Globalization;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.Exports;

/// <summary>How exports are named and shown: kind titles, sizes, times in the week's zone, link lifetimes, content types.</summary>
public static class ExportFormat
{
    public static string Title(ExportKind kind, Strings t) => t[$"export_kind_{kind.ToString().ToLowerInvariant()}"];

    /// <summary>"2.4 MB", "15.2 KB", "812 B".</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " KB",
        _ => (bytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " MB",
    };

    /// <summary>"2024年5月14日 10:00（北京时间）": exports are read later, so the year is kept.</summary>
    public static string Generated(DateTimeOffset at, WeekCalendar calendar, Strings t, bool withZone = true)
    {
        var text = t.Format("export_fmt_generated", calendar.ToLocal(at).DateTime);
        return withZone && calendar.Zone.Id is "Asia/Shanghai" or "China Standard Time" ? text + t["export_zone_beijing"] : text;
    }

    /// <summary>"7 天" / "12 小时".</summary>
    public static string Lifetime(TimeSpan span, Strings t) =>
        span.TotalDays >= 1 && span.TotalDays == Math.Floor(span.TotalDays)
            ? t.Format("export_days", (int)span.TotalDays)
            : t.Format("export_hours", Math.Max(1, (int)Math.Round(span.TotalHours)));

    public static string ContentType(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".csv" => "text/csv; charset=utf-8",
        ".json" => "application/json; charset=utf-8",
        ".pdf" => "application/pdf",
        ".zip" => "application/zip",
        _ => "application/octet-stream",
    };

    /// <summary>An ASCII name for old clients that ignore <c>filename*</c>: "statistics-2024-wuxi.xlsx".</summary>
    public static string AsciiName(ExportRecord record)
    {
        var week = new string(record.WeekId.Where(c => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_').ToArray());
        var stem = record.Kind.ToString().ToLowerInvariant() + (week.Length > 0 ? "-" + week : "");
        return stem + Path.GetExtension(record.FileName).ToLowerInvariant();
    }
}
