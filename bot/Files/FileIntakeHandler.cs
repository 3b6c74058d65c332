using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Identity;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Files;

/// <summary>
/// A message with files: at most <c>Files:MaxFilesPerMessage</c> of them are recorded as pending in one write
/// and handed to <see cref="FileIntakeWorker"/> BEFORE anything is said, so neither a slow connector nor a huge message
/// can keep them from being fetched (the turn has ~15 s); the worker acknowledges the whole message when done.
/// </summary>
public sealed partial class FileIntakeHandler(
    IdentityResolver identity, WeekCatalog weeks, IMediaStore media, IConversationStore conversations, FileIntakeWorker worker,
    FileIntakeOptions options, IEnumerable<IOfficeFileHandler> officeFiles, ILogger<FileIntakeHandler> log)
{
    public async Task HandleAsync(TurnContext turn, CancellationToken ct)
    {
        var t = Strings.For(turn.Culture);
        var week = weeks.Active;
        var member = await identity.ResolveAsync(turn, ct);
        foreach (var office in officeFiles)
        {
            if (member is { IsOffice: true } && await office.TryTakeAsync(turn, member, ct)) return;
        }
        if (week is null)
        {
            await turn.ReplyAsync(t["files_no_week"], ct);
            return;
        }
        if (member is not { Role: Role.Liaison, Department: { } department })
        {
            var staff = string.Join("、", week.Definition.Office.Staff.Select(s => s.Email is null ? s.Name : $"{s.Name} <{s.Email}>"));
            await turn.ReplyAsync(t.Format("files_not_liaison", week.Definition.Office.Name, staff), ct);
            return;
        }
        var batchId = $"{turn.Conversation.ConversationId}|{turn.ActivityId ?? Guid.NewGuid().ToString("N")}";
        if (media.HasBatch(batchId)) return; // Teams re-delivered the message
        var item = TargetItem(week.Calendar, turn.ReceivedAt);
        var conversationId = conversations.Touch(turn).Id;
        var records = turn.Files.Take(options.MaxFilesPerMessage).Select((file, i) => new MediaRecord
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
            SourceKey = $"{batchId}|{i}",
            BatchId = batchId,
            State = MediaState.Pending,
            DownloadUrl = file.DownloadUrl,
            NeedsBotToken = file.NeedsBotToken,
            ConversationId = conversationId,
            Locale = turn.Culture.Name,
        }).ToList();
        var overflow = turn.Files.Count - records.Count;
        records[0].BatchOverflow = overflow;
        await media.AddBatchAsync(records);
        worker.Enqueue(batchId);

        // Only now a word back. The files are safe whatever happens to it, so a stuck or failing send ends the turn quietly.
        if (records.Count == 1 && overflow == 0) return;
        try
        {
            await turn.ReplyAsync(overflow > 0
                ? t.Format("files_receiving_overflow", records.Count, overflow)
                : t.Format("files_receiving", records.Count), ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            LogReplyDropped(log, batchId);
        }
    }

    /// <summary>During the week: that day's report. Before it: the plan. After it: the summary.</summary>
    public static WeekItem TargetItem(WeekCalendar calendar, DateTimeOffset now)
    {
        var today = calendar.LocalDate(now);
        if (today < calendar.Week.Start) return new WeekItem(ItemKind.Plan);
        if (today > calendar.Week.End) return new WeekItem(ItemKind.Summary);
        return new WeekItem(ItemKind.DailyReport, today);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The 'receiving files' reply for {Batch} did not go out in the turn's time; the files are being fetched anyway")]
    private static partial void LogReplyDropped(ILogger logger, string batch);
}
