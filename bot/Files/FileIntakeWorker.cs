using System.Globalization;
using System.Threading.Channels;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Files;

/// <summary>
/// Fetches pending files one at a time (streamed, never held in memory), stores them, and sends one
/// acknowledgement per message. Pending batches left by a restart are picked up again at start.
/// </summary>
public sealed partial class FileIntakeWorker(
    MediaStore media, MediaArrival arrival, IFileStore store, IFileDownloader downloader, IMessenger messenger, ConversationStore conversations,
    WeekCatalog weeks, FileIntakeOptions options, ILogger<FileIntakeWorker> log) : BackgroundService
{
    private readonly Channel<string> _queue = Channel.CreateUnbounded<string>();

    public void Enqueue(string batchId) => _queue.Writer.TryWrite(batchId);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var batch in media.PendingBatches()) Enqueue(batch);
        await foreach (var batchId in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await ProcessBatchAsync(batchId, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogBatchFailed(log, ex, batchId);
            }
        }
    }

    public async Task ProcessBatchAsync(string batchId, CancellationToken ct)
    {
        var records = media.Batch(batchId);
        var pending = records.Where(r => r.State == MediaState.Pending).ToList();
        if (pending.Count == 0) return;
        foreach (var record in pending) await FetchAsync(record, ct);
        await AcknowledgeAsync(media.Batch(batchId), ct);
    }

    private async Task FetchAsync(MediaRecord record, CancellationToken ct)
    {
        var t = Strings.For(record.Locale);
        if (!options.IsAllowed(record.OriginalName))
        {
            Refuse(record, t.Format("files_reason_type", record.OriginalName));
            return;
        }
        try
        {
            using var download = await downloader.OpenAsync(new IncomingFile(record.OriginalName, null, record.DownloadUrl!, record.NeedsBotToken, null), ct);
            if (download.Length > options.MaxBytes) { Refuse(record, SizeReason(t, record)); return; }
            // A mobile sharing link can answer with a web page instead of the file.
            if (download.ContentType is "text/html" && MediaKinds.Of(record.OriginalName) != MediaKind.Document) { Refuse(record, t.Format("files_reason_html", record.OriginalName)); return; }
            var stored = await store.SaveAsync(FolderOf(record, weeks), record.FileName, new SizeLimitedStream(download.Content, options.MaxBytes), ct);
            arrival.Stored(record, stored);
        }
        catch (FileTooLargeException)
        {
            Refuse(record, SizeReason(t, record));
        }
        catch (FileDownloadException ex)
        {
            LogDownloadFailed(log, record.OriginalName, ex.Message);
            Refuse(record, t.Format("files_reason_download", record.OriginalName));
        }
    }

    private string SizeReason(Strings t, MediaRecord record) =>
        t.Format("files_reason_size", record.OriginalName, options.MaxBytes / (1024 * 1024));

    private void Refuse(MediaRecord record, string reason)
    {
        record.State = MediaState.Refused;
        record.RefusedReason = reason;
        record.DownloadUrl = null;
        media.Update(record);
    }

    /// <summary>[week title, department, yyyy-MM-dd | 计划 | 统计 | 总结]: the same below the local and the SharePoint root.</summary>
    public static IReadOnlyList<string> FolderOf(MediaRecord record, WeekCatalog weeks)
    {
        var week = weeks.Find(record.WeekId);
        var title = week?.Definition.Title ?? record.WeekId;
        var department = week?.Department(record.DepartmentId)?.Name ?? record.DepartmentId;
        var item = WeekItem.Parse(record.ItemKey);
        var folder = item?.Kind switch
        {
            ItemKind.DailyReport => item.Day!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ItemKind.Plan => "计划",
            ItemKind.Statistics => "统计",
            _ => "总结",
        };
        return [title, department, folder];
    }

    private async Task AcknowledgeAsync(IReadOnlyList<MediaRecord> batch, CancellationToken ct)
    {
        if (batch.Count == 0 || batch.Any(r => r.State == MediaState.Pending)) return;
        var conversation = conversations.Find(batch[0].ConversationId);
        if (conversation is null) return;
        var text = AcknowledgementText(batch, weeks);
        await messenger.SendAsync(ConversationStore.ToRef(conversation), OutgoingMessage.FromText(text), null, ct);
    }

    /// <summary>"已收到 3 张照片、1 个视频：a.jpg、b.jpg… 已归入 机电工程学院 · 5月14日 日报。" plus refusals.</summary>
    public static string AcknowledgementText(IReadOnlyList<MediaRecord> batch, WeekCatalog weeks)
    {
        var t = Strings.For(batch[0].Locale);
        var english = t.Culture.TwoLetterISOLanguageName == "en";
        var lines = new List<string>();
        var stored = batch.Where(r => r.State == MediaState.Stored).ToList();
        if (stored.Count > 0)
        {
            var week = weeks.Find(stored[0].WeekId);
            var department = week?.Department(stored[0].DepartmentId)?.Name ?? stored[0].DepartmentId;
            var item = WeekItem.Parse(stored[0].ItemKey);
            var itemName = item?.Kind switch
            {
                ItemKind.DailyReport => t.Format("files_item_report", english
                    ? item.Day!.Value.ToString("MMM d", CultureInfo.GetCultureInfo("en-US"))
                    : item.Day!.Value.ToString("M月d日", CultureInfo.InvariantCulture)),
                ItemKind.Plan => t["files_item_plan"],
                ItemKind.Statistics => t["files_item_statistics"],
                _ => t["files_item_summary"],
            };
            var separator = MediaSummary.Separator(t);
            var counts = " " + MediaSummary.Counts(stored, t);
            lines.Add(t.Format("files_received", counts, string.Join(separator, stored.Select(r => r.FileName)), department, itemName));
        }
        var refused = batch.Where(r => r.State == MediaState.Refused).ToList();
        if (refused.Count > 0) lines.Add(t.Format("files_refused", string.Join(english ? "; " : "；", refused.Select(r => r.RefusedReason))));
        return string.Join("\n\n", lines);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "File batch {Batch} failed")]
    private static partial void LogBatchFailed(ILogger logger, Exception ex, string batch);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Download of {Name} failed: {Reason}")]
    private static partial void LogDownloadFailed(ILogger logger, string name, string reason);
}
