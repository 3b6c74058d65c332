using System.Net.Mail;

namespace VocEdWeek.Bot.Features.WeekSetup.RosterImport;

/// <summary>An e-mail as Teams will report it (the UPN), so that a liaison can be matched when they first write.</summary>
internal static class EmailText
{
    /// <summary>The address without a "mailto:" link prefix Excel leaves behind.</summary>
    public static string Strip(string text) =>
        text.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? text[7..].Trim() : text;

    public static bool IsValid(string email)
    {
        if (email.Any(char.IsWhiteSpace) || !MailAddress.TryCreate(email, out var address)) return false;
        // MailAddress also takes "张伟 <a@b.cn>" and "a@localhost"; a school address is the bare form with a dotted domain.
        var host = address.Host;
        return address.Address == email && host.Contains('.', StringComparison.Ordinal) && !host.StartsWith('.') && !host.EndsWith('.');
    }
}
