using VocEdWeek.Bot.Conversation;

namespace VocEdWeek.Bot.Outbox;

/// <summary>
/// The way features send proactive messages: enqueue jobs (idempotent by key), let the worker send them,
/// or send a batch right away and wait a bounded time for the outcomes (one-click receipts).
/// </summary>
public sealed class OutboxQueue(IOutboxStore store, OutboxDelivery delivery, OutboxSignal signal, OutboxOptions options, TimeProvider time)
{
    /// <summary>A new job for <paramref name="to"/>; <paramref name="key"/> is its idempotency key.</summary>
    public OutboxJob NewJob(string key, string topic, OutboxRecipient to, OutgoingMessage message, int priority = 1)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return new OutboxJob
        {
            Id = key, Topic = topic, Priority = priority, Recipient = to, Payload = OutboxPayload.Serialize(message),
            State = OutboxState.Pending, Outcome = OutboxOutcome.Queued, NextAttemptAt = now, CreatedAt = now, UpdatedAt = now,
        };
    }

    /// <summary>Stores the job unless its key exists (then the stored one is returned, untouched) and wakes the worker.</summary>
    public (OutboxJob Job, bool IsNew) Enqueue(OutboxJob job)
    {
        var added = store.Add(job);
        if (added.IsNew) signal.Wake();
        return added;
    }

    public OutboxJob? Find(string id) => store.Find(id);

    /// <summary>
    /// Sends these jobs now (a few at a time) and returns them as they stand when all are done or
    /// <paramref name="wait"/> has passed; those still going finish in the background.
    /// </summary>
    public async Task<IReadOnlyList<OutboxJob>> SendNowAsync(IReadOnlyList<string> jobIds, TimeSpan wait, CancellationToken ct)
    {
        var gate = new SemaphoreSlim(Math.Max(1, options.MaxParallel));
        var all = Task.WhenAll(jobIds.Select(async id =>
        {
            await gate.WaitAsync(CancellationToken.None);
            try { await delivery.DeliverAsync(id); }
            finally { gate.Release(); }
        }));
        var finished = await Task.WhenAny(all, Task.Delay(wait, time, ct));
        _ = all.ContinueWith(_ => gate.Dispose(), TaskScheduler.Default);
        return jobIds.Select(store.Find).OfType<OutboxJob>().ToList();
    }
}
