using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Identity;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Files;

/// <summary>
/// A message with files: each file is recorded in LiteDB as pending at once (so nothing is lost if the
/// bot stops), then fetched by <see cref="FileIntakeWorker"/>, which acknowledges the whole batch.
/// </summary>
public sealed class FileIntakeHandler(
    IdentityResolver identity, WeekCatalog weeks, MediaStore media, ConversationStore conversations, FileIntakeWorker worker)
{
    public async Task HandleAsync(TurnContext turn, CancellationToken ct)
    {
        var t = Strings.For(turn.Culture);
        var week = weeks.Active;
        if (week is null)
        {
            await turn.ReplyAsync(t["files_no_week"], ct);
            return;
        }
        var member = await identity.ResolveAsync(turn, ct);
        if (member is not { Role: Role.Liaison, Department: { } department })
        {
            var staff = string.Join("、", week.Definition.Office.Staff.Select(s => s.Email is null ? s.Name : $"{s.Name} <{s.Email}>"));
            await turn.ReplyAsync(t.Format("files_not_liaison", week.Definition.Office.Name, staff), ct);
            return;
        }
        var item = TargetItem(week.Calendar, turn.ReceivedAt);
        var batchId = $"{turn.Conversation.ConversationId}|{turn.ActivityId ?? Guid.NewGuid().ToString("N")}";
        var conversationId = conversations.Touch(turn).Id;
        var fresh = 0;
        for (var i = 0; i < turn.Files.Count; i++)
        {
            var file = turn.Files[i];
            var sourceKey = $"{batchId}|{i}";
            if (media.FindBySource(sourceKey) is not null) continue; // Teams re-delivered the message
            media.Add(new MediaRecord
            {
                WeekId = week.Definition.Id,
                DepartmentId = department.Id,
                ItemKey = item.Key,
                OriginalName = file.Name,
                FileName = FileNameCleaner.Clean(file.Name),
                Kind = MediaKinds.Of(file.Name),
                ReceivedAt = turn.ReceivedAt.UtcDateTime,
                FromName = member.Person.Name,
                FromAadObjectId = turn.User.AadObjectId,
                SourceKey = sourceKey,
                BatchId = batchId,
                State = MediaState.Pending,
                DownloadUrl = file.DownloadUrl,
                NeedsBotToken = file.NeedsBotToken,
                ConversationId = conversationId,
                Locale = turn.Culture.Name,
            });
            fresh++;
        }
        if (fresh == 0) return;
        if (fresh > 1) await turn.ReplyAsync(t.Format("files_receiving", fresh), ct);
        worker.Enqueue(batchId);
    }

    /// <summary>During the week: that day's report. Before it: the plan. After it: the summary.</summary>
    public static WeekItem TargetItem(WeekCalendar calendar, DateTimeOffset now)
    {
        var today = calendar.LocalDate(now);
        if (today < calendar.Week.Start) return new WeekItem(ItemKind.Plan);
        if (today > calendar.Week.End) return new WeekItem(ItemKind.Summary);
        return new WeekItem(ItemKind.DailyReport, today);
    }
}
