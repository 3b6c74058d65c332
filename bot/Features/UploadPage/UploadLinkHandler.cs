using VocEdWeek.Bot.Handlers;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Identity;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Weeks;
using VocEdWeek.Bot.Words;

namespace VocEdWeek.Bot.Features.UploadPage;

/// <summary>
/// "上传链接" / "upload link" (optionally with a day or an item): a liaison's personal upload page link, as a
/// card. Without a day the files go where a chat file would (<see cref="FileIntakeHandler.TargetItem"/>).
/// </summary>
public sealed class UploadLinkHandler(
    WeekCatalog weeks, IdentityResolver identity, IConversationStore conversations, UploadLinks links, UploadLinkCard card, TimeProvider time)
    : ICommandHandler
{
    public Access Access => Access.Liaison;

    public bool Matches(CommandText text, TurnContext turn) => UploadWords.Parse(text) is not null;

    public async Task HandleAsync(TurnContext turn, CommandText text, CancellationToken ct)
    {
        var t = Strings.For(turn.Culture);
        // The access gate refused everyone but a liaison of the active week; this only names the department.
        if (weeks.Active is not { } week || await identity.ResolveAsync(turn, ct) is not { Role: Role.Liaison, Department: { } department } member) return;
        // The link is personal: posted in a group chat or channel, anyone there could add files in this liaison's name.
        if (turn.Conversation.Scope != ConversationScope.Personal)
        {
            await turn.ReplyAsync(t["upload_personal_only"], ct);
            return;
        }
        var now = time.GetUtcNow();
        var today = week.Calendar.LocalDate(now);
        var request = UploadWords.Parse(text, today, week.Calendar.Days) ?? new UploadRequest(null, null);
        var (item, refusal) = Target(request, week.Calendar, now, t);
        if (item is null)
        {
            await turn.ReplyAsync(refusal!, ct);
            return;
        }
        var grant = new UploadGrant(week.Definition.Id, department.Id, item.Key, member.Person.Name, turn.User.AadObjectId,
            conversations.Touch(turn).Id, turn.Culture.Name, member.Person.AadObjectId ?? member.Person.Email);
        var (url, expires) = links.Create(grant);
        var target = t.Format("upload_target", department.Name, ItemNames.FileLabel(item, t));
        await turn.ReplyAsync(OutgoingMessage.FromCard(card.Render(t, target, expires, week.Calendar, url), t.Format("upload_card_summary", target)), ct);
    }

    /// <summary>The item the files will go to, or why not.</summary>
    public static (WeekItem? Item, string? Refusal) Target(UploadRequest request, WeekCalendar calendar, DateTimeOffset now, Strings t)
    {
        var today = calendar.LocalDate(now);
        if (request.Date is { } phrase)
        {
            if (phrase.Date is not { } day) return (null, t.Format("upload_bad_date", phrase.Phrase));
            if (!calendar.IsWeekDay(day))
                return (null, t.Format("upload_outside_week", WeekTime.ShortDay(day, t), calendar.Week.Title, WeekTime.Range(calendar, t), WeekTime.ShortDay(calendar.Week.Start, t)));
            if (day > today) return (null, t.Format("upload_future", WeekTime.ShortDay(day, t)));
            return (new WeekItem(ItemKind.DailyReport, day), null);
        }
        return request.Kind switch
        {
            ItemKind.Plan => (new WeekItem(ItemKind.Plan), null),
            ItemKind.Statistics => (new WeekItem(ItemKind.Statistics), null),
            ItemKind.Summary => (new WeekItem(ItemKind.Summary), null),
            // "上传链接 日报" names today's report, which only exists during the week.
            ItemKind.DailyReport when calendar.IsWeekDay(today) => (new WeekItem(ItemKind.DailyReport, today), null),
            _ => (FileIntakeHandler.TargetItem(calendar, now), null),
        };
    }
}
