using System.Text;
using VocEdWeek.Bot.Handlers;
using VocEdWeek.Bot.Cards;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Features.Exports;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Weeks;
using VocEdWeek.Bot.Weeks.Settings;
using VocEdWeek.Bot.Words;

namespace VocEdWeek.Bot.Features.Settings;

/// <summary>
/// "设置记录" / "settings log": every change to the active week, newest first — when (Beijing time), who, what, about whom or
/// what, before → after — capped at <see cref="Shown"/> with "showing N of M". Staff and admins: staff answer for the roster
/// they remind and export from. Observers not: the log is the office's working record (with people's e-mails and phones),
/// not progress; they see the outcome of every change in progress and the dashboard.
/// </summary>
public sealed class SettingsLogHandler(WeekCatalog weeks, AccessGate gate, ISettingsLogStore log) : ICommandHandler
{
    public const int Shown = 20;

    public Access Access => Access.Staff;

    public bool Matches(CommandText text, TurnContext turn) =>
        text.IsOneOf("设置记录", "设置日志", "更改记录", "修改记录", "settings log", "settings history", "change log");

    public Task HandleAsync(TurnContext turn, CommandText text, CancellationToken ct)
    {
        var t = Strings.For(turn.Culture);
        if ((weeks.Active ?? gate.RosterWeek(Access)) is not { } week) return turn.ReplyAsync(t["settings_no_active_week"], ct);
        return turn.ReplyAsync(Render(week, log.For(week.Definition.Id), t), ct);
    }

    public static string Render(ActiveWeek week, IReadOnlyList<SettingsLogEntry> entries, Strings t)
    {
        if (entries.Count == 0) return t.Format("settings_log_empty", week.Definition.Title);
        var text = new StringBuilder(t.Format("settings_log_title", week.Definition.Title));
        foreach (var e in entries.Take(Shown))
        {
            var at = ExportFormat.Generated(WeekTime.Instant(e.At), week.Calendar, t, withZone: false);
            text.Append("\n\n").Append(t.Format("settings_log_line", at, PlainText.Escape(e.ActorName), SettingsWords.Kind(e.Kind, t),
                PlainText.Escape(SettingsWords.Subject(e.Kind, e.Subject, t, week)),
                PlainText.Escape(SettingsWords.Value(e.Kind, e.Before, t)), PlainText.Escape(SettingsWords.Value(e.Kind, e.After, t))));
        }
        text.Append("\n\n").Append(t.Format("settings_log_footer", Math.Min(Shown, entries.Count), entries.Count, OfficeZone(week, t)));
        return text.ToString();
    }

    private static string OfficeZone(ActiveWeek week, Strings t) => Office.OfficeFormat.Zone(week.Calendar, t);
}
