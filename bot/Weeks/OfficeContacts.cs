using VocEdWeek.Bot.Localization;

namespace VocEdWeek.Bot.Weeks;

/// <summary>Whom to ask: the office and its staff by name ("教务处（吴苏玲）"), for every refusal that points someone there.</summary>
public static class OfficeContacts
{
    public static string Of(WeekDefinition week, Strings t)
    {
        var names = week.Office.Staff.Select(p => p.Name).Where(n => n.Length > 0).ToList();
        return names.Count == 0 ? week.Office.Name : t.Format("form_office_with_staff", week.Office.Name, string.Join(t["list_separator"], names));
    }
}
