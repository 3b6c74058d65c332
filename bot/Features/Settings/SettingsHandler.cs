using VocEdWeek.Bot.Handlers;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Weeks;
using VocEdWeek.Bot.Words;

namespace VocEdWeek.Bot.Features.Settings;

/// <summary>
/// Admins: "设置" / "settings" shows the week with a form per change; a form, or a typed shortcut ("添加部门 智能制造学院",
/// "更换联络员 机电工程学院 李明 liming@… 138…", "日报时间 11:30" …), gives a confirm card first — nothing changes before
/// 确认. Anything not understood gets the usage text, never a guess. Listed in Routes before the office questions and the forms.
/// </summary>
public sealed class SettingsHandler(
    WeekCatalog weeks,
    AccessGate gate,
    SettingsCards cards,
    IPendingChangeStore pending,
    TimeProvider time) : ICommandHandler, ICardActionHandler
{
    public Access Access => Access.Admin;

    public IEnumerable<string> Verbs => [SettingsCards.ProposeVerb];

    public bool Matches(CommandText text, TurnContext turn) =>
        text.IsOneOf("设置", "活动周设置", "设置活动周", "settings", "week settings") || SettingsCommand.Find(text.Original) is not null;

    public async Task HandleAsync(TurnContext turn, CommandText text, CancellationToken ct)
    {
        var t = Strings.For(turn.Culture);
        if (weeks.Active is not { } week)
        {
            await turn.ReplyAsync(t["settings_no_active_week"], ct);
            return;
        }
        if (SettingsCommand.Find(text.Original) is not { } command)
        {
            await Reply.CardAsync(turn, cards.Overview(week, t), t["settings_card_summary"], ct);
            return;
        }
        var today = week.Calendar.LocalDate(time.GetUtcNow());
        await ProposeAsync(turn, week, SettingsCommandParser.Parse(command.Name, command.Args, week, today), t, ct);
    }

    /// <summary>A form of the "设置" card: the confirm card takes the settings card's place.</summary>
    public async Task HandleAsync(TurnContext turn, CancellationToken ct)
    {
        var t = Strings.For(turn.Culture);
        if (weeks.Active is not { } week)
        {
            await Reply.TextAsync(turn, t["settings_no_active_week"], ct);
            return;
        }
        await ProposeAsync(turn, week, SettingsFormReader.Read(turn.Value, week), t, ct);
    }

    private async Task ProposeAsync(TurnContext turn, ActiveWeek week, SettingsParse parsed, Strings t, CancellationToken ct)
    {
        if (parsed.Proposal is not { } proposal)
        {
            await Reply.TextAsync(turn, Text(parsed.ErrorKey!, parsed.ErrorArgs, t), ct);
            return;
        }
        var (preview, refusal, args) = SettingsPreview.Of(proposal, week);
        if (preview is null)
        {
            await Reply.TextAsync(turn, Text(refusal!, args, t), ct);
            return;
        }
        var member = gate.Admitted(turn);
        var now = time.GetUtcNow().UtcDateTime;
        var change = pending.Add(new PendingChange
        {
            WeekId = week.Definition.Id,
            Proposal = proposal,
            AskedByTeamsId = turn.User.Id,
            AskedByName = member?.Person.Name is { Length: > 0 } n ? n : turn.User.Name ?? "",
            CreatedAt = now,
            ExpiresAt = now + PendingChange.Lifetime,
        });
        await Reply.CardAsync(turn, cards.Confirm(week, change, preview, t), t["settings_confirm_title"], ct);
    }

    /// <summary>A refusal or a parse error in words (<c>settings_usage</c> when the wording itself was not understood).</summary>
    private static string Text(string key, object?[] args, Strings t) => t.Format(key, args);
}
