using VocEdWeek.Bot.Handlers;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Features.Exports;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Weeks;
using VocEdWeek.Bot.Words;

namespace VocEdWeek.Bot.Features.Settings;

/// <summary>
/// "导出活动周设置" / "export week settings" (admins): the active week's file, kept and linked like every export (signed
/// download link or SharePoint, "发送到聊天" in a personal chat) through the export feature's service and card.
/// Listed in Routes before the export command, which would otherwise read "导出…" as an export it does not know.
/// </summary>
public sealed class WeekExportHandler(WeekCatalog weeks, AccessGate gate, ExportService exports, ExportCard card, WeekSettingsWriter writer) : ICommandHandler
{
    public Access Access => Access.Admin;

    public bool Matches(CommandText text, TurnContext turn) =>
        text.IsOneOf("导出活动周设置", "导出设置", "导出活动周", "导出周设置", "export week settings", "export settings", "export week");

    public async Task HandleAsync(TurnContext turn, CommandText text, CancellationToken ct)
    {
        var t = Strings.For(turn.Culture);
        if (weeks.Active is not { } week)
        {
            await turn.ReplyAsync(t["settings_no_active_week"], ct);
            return;
        }
        var member = gate.Admitted(turn);
        var who = new Requester(member?.Person.Name is { Length: > 0 } n ? n : turn.User.Name ?? "", turn.User.Id, turn.User.AadObjectId);
        var record = await exports.ExportAsync(week, writer, who, t, ct);
        var rendered = card.Render(week, [record], [], turn.Conversation.Scope == ConversationScope.Personal, t);
        await turn.ReplyAsync(OutgoingMessage.FromCard(rendered, t.Format("export_card_summary", ExportFormat.Title(ExportKind.WeekSettings, t))), ct);
    }
}
