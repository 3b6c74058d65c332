using System.Threading.Channels;
using VocEdWeek.Bot.Cards;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Files;

/// <summary>
/// Fetches pending files (streamed, never held in memory) through <see cref="FileFetcher"/>, a few at a time across all
/// liaisons (<c>Files:MaxParallelDownloads</c>), so one slow file holds one slot and nobody else's photo waits behind
/// it; sends one acknowledgement per message. Pending batches left by a restart are picked up again at start. Each file
/// is claimed when its slot comes (<see cref="IMediaStore.ClaimDownload"/>): of several instances that have the batch
/// (its own turn's, and every instance's start-up look), one fetches each file, and one that claimed some acknowledges.
/// </summary>
public sealed partial class FileIntakeWorker(
    IMediaStore media, FileFetcher fetcher, IMessenger messenger, IConversationStore conversations,
    WeekCatalog weeks, FileIntakeOptions options, InstanceName instance, TimeProvider time, ILogger<FileIntakeWorker> log) : BackgroundService
{
    private readonly Channel<string> _queue = Channel.CreateUnbounded<string>();
    private readonly SemaphoreSlim _slots = new(options.MaxParallelDownloads, options.MaxParallelDownloads);
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Task> _running = new(StringComparer.Ordinal);

    /// <summary>Hands a recorded batch to the worker; cheap and never blocks, so a turn calls it before it says anything.</summary>
    public void Enqueue(string batchId) => _queue.Writer.TryWrite(batchId);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var batch in media.PendingBatches()) Enqueue(batch);
        await foreach (var batchId in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            lock (_gate)
            {
                // Already being fetched (queued at start and again by its turn): the running pass covers it.
                if (!_running.ContainsKey(batchId)) _running[batchId] = RunAsync(batchId, stoppingToken);
            }
        }
    }

    /// <summary>Lets the batches in flight see the stop and finish, so none touches the database after it is closed.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        Task[] running;
        lock (_gate) running = [.. _running.Values];
        try
        {
            await Task.WhenAll(running).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The host's shutdown time is up; what is still pending is picked up at the next start.
        }
    }

    private async Task RunAsync(string batchId, CancellationToken ct)
    {
        await Task.Yield(); // never finishes inside the caller's lock, so the entry below is always its own
        try
        {
            await ProcessBatchAsync(batchId, ct);
        }
        catch (Exception) when (ct.IsCancellationRequested)
        {
            // Stopping: what is still pending is picked up at the next start.
        }
        catch (Exception ex)
        {
            LogBatchFailed(log, ex, batchId);
        }
        finally
        {
            lock (_gate) _running.Remove(batchId);
        }
    }

    public async Task ProcessBatchAsync(string batchId, CancellationToken ct)
    {
        var pending = media.Batch(batchId).Where(r => r.State == MediaState.Pending).ToList();
        if (pending.Count == 0) return;
        var fetched = await Task.WhenAll(pending.Select(record => FetchInSlotAsync(record, ct)));
        // Another instance holds every file: it acknowledges the message when it is done.
        if (!fetched.Contains(true)) return;
        await AcknowledgeAsync(media.Batch(batchId), ct);
    }

    /// <summary>Fetches the file if this instance can claim it; false when another holds it (or it is no longer pending).</summary>
    private async Task<bool> FetchInSlotAsync(MediaRecord record, CancellationToken ct)
    {
        await _slots.WaitAsync(ct);
        try
        {
            // Held for as long as the largest allowed file may take: no other instance fetches it while this one may.
            var claim = MediaClaim.For(instance.Value, time, options.OverallTimeout(null));
            if (media.ClaimDownload(record.Id, claim) is not { } claimed) return false;
            await fetcher.FetchAsync(claimed, ct);
            return true;
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>[week title, department, yyyy-MM-dd | 计划 | 统计 | 总结]: the same below the local and the SharePoint root.</summary>
    public static IReadOnlyList<string> FolderOf(MediaRecord record, WeekCatalog weeks)
    {
        var week = weeks.Find(record.WeekId);
        var title = week?.Definition.Title ?? record.WeekId;
        var department = week?.Department(record.DepartmentId)?.Name ?? record.DepartmentId;
        return [title, department, ItemNames.Folder(WeekItem.Parse(record.ItemKey))];
    }

    private async Task AcknowledgeAsync(IReadOnlyList<MediaRecord> batch, CancellationToken ct)
    {
        if (batch.Count == 0 || batch.Any(r => r.State == MediaState.Pending)) return;
        var conversation = conversations.Find(batch[0].ConversationId);
        if (conversation is null) return;
        var text = AcknowledgementText(batch, weeks, options.MaxFilesPerMessage);
        await messenger.SendAsync(conversation.ToRef(), OutgoingMessage.FromText(text), null, ct);
    }

    /// <summary>"已收到 3 张照片、1 个视频：a.jpg、b.jpg… 已归入 机电工程学院 · 5月14日 日报。" plus refusals.</summary>
    public static string AcknowledgementText(IReadOnlyList<MediaRecord> batch, WeekCatalog weeks, int maxFilesPerMessage = 0)
    {
        var t = Strings.For(batch[0].Locale);
        var english = t.Culture.TwoLetterISOLanguageName == "en";
        var lines = new List<string>();
        var stored = batch.Where(r => r.State == MediaState.Stored).ToList();
        if (stored.Count > 0)
        {
            var week = weeks.Find(stored[0].WeekId);
            var department = week?.Department(stored[0].DepartmentId)?.Name ?? stored[0].DepartmentId;
            var itemName = WeekItem.Parse(stored[0].ItemKey) is { } item ? ItemNames.FileLabel(item, t) : t["files_item_summary"];
            var separator = MediaSummary.Separator(t);
            var counts = " " + MediaSummary.Counts(stored, t);
            lines.Add(t.Format("files_received", counts, string.Join(separator, stored.Select(r => PlainText.Escape(r.FileName))), department, itemName));
        }
        // Names are the liaison's own text: shown as text, never as markdown or links.
        var reasons = batch.Where(r => r.State == MediaState.Refused)
            .Select(r => PlainText.Escape(r.RefusedReason ?? r.FileName)).ToList();
        if (batch.Sum(r => r.BatchOverflow) is var overflow and > 0) reasons.Add(t.Format("files_reason_overflow", overflow, maxFilesPerMessage));
        if (reasons.Count > 0) lines.Add(t.Format("files_refused", string.Join(english ? "; " : "；", reasons)));
        return string.Join("\n\n", lines);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "File batch {Batch} failed")]
    private static partial void LogBatchFailed(ILogger logger, Exception ex, string batch);
}
