using VocEdWeek.Bot.Handlers;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Identity;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Weeks;
using VocEdWeek.Bot.Words;

namespace VocEdWeek.Bot.Features.Office;

/// <summary>
/// "今天谁还没报送", "统计表进度", "status for May 14" … in a personal chat or with @bot in a channel. Listed in Routes before the
/// forms' commands because "日报" or "今天的日报" is a question when office staff type it and a form when a liaison does:
/// the asker's role decides, and a non-staff turn that is also a later command ("日报", "总结") goes on to that command
/// (through the access gate, as if routed there). Open to anyone: staff get the office's answer, a liaison their own
/// department's standing, anyone else whom to ask.
/// </summary>
public sealed class OfficeQuestionHandler(
    WeekCatalog weeks, IdentityResolver identity, AccessGate gate, OfficeAnswers answers, TimeProvider time)
    : IPassingCommand
{
    public Access Access => Access.Anyone;

    public bool Matches(CommandText text, TurnContext turn) => Parse(text) is not null;

    public Task HandleAsync(TurnContext turn, CommandText text, CancellationToken ct) => HandleAsync(turn, text, null, ct);

    /// <summary><paramref name="next"/>: the next row of the route table that takes the words (the liaison's form, "我的提交" …).</summary>
    public async Task HandleAsync(TurnContext turn, CommandText text, ICommandHandler? next, CancellationToken ct)
    {
        if (Parse(text) is not { } question) return;
        var t = Strings.For(turn.Culture);
        var week = weeks.Active;
        var member = await identity.ResolveAsync(turn, ct);
        if (week is not null && member is { IsOffice: true })
        {
            await answers.StaffAsync(turn, week, question, t, ct);
            return;
        }
        if (next is { } command)
        {
            await gate.CommandAsync(command, turn, text, ct);
            return;
        }
        if (week is not null && member is { Role: Role.Liaison, Department: not null })
        {
            await answers.LiaisonAsync(turn, week, member, question, t, ct);
            return;
        }
        await OfficeAnswers.OutsiderAsync(turn, week, t, ct);
    }

    private OfficeQuestion? Parse(CommandText text)
    {
        var calendar = weeks.Active?.Calendar;
        var now = time.GetUtcNow();
        var today = calendar?.LocalDate(now) ?? DateOnly.FromDateTime(now.UtcDateTime);
        return OfficeQuestionParser.Parse(text.Original, today, calendar?.Days);
    }
}
