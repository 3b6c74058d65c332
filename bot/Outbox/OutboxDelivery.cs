using System.Collections.Concurrent;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Operations.Metrics;
using VocEdWeek.Bot.Storage;

namespace VocEdWeek.Bot.Outbox;

/// <summary>
/// Sends one job: claims it (one send per key, across threads, instances and restarts: <see cref="IOutboxStore.TryClaim"/>
/// writes <see cref="OutboxState.Sending"/> before the call, for one caller only), resolves the conversation, sends through
/// <see cref="IMessenger"/> (whose client applies Teams' rate limits and retries) and records the outcome.
/// A send, once started, is not cancelled: a half-cancelled call could not tell whether Teams got it.
/// </summary>
public sealed partial class OutboxDelivery(
    IOutboxStore store, InstanceName instance, RecipientResolver resolver, IMessenger messenger, IEnumerable<IOutboxGuard> guards,
    OutboxOptions options, BotMetrics metrics, TimeProvider time, ILogger<OutboxDelivery> log)
{
    private readonly ConcurrentDictionary<string, Task<OutboxJob?>> _inFlight = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IOutboxGuard> _guards = guards.ToDictionary(g => g.Topic, StringComparer.Ordinal);

    /// <summary>Sends the job if it is pending; joins the send already under way if there is one. Returns the job as stored after.</summary>
    public Task<OutboxJob?> DeliverAsync(string jobId)
    {
        var started = new TaskCompletionSource<OutboxJob?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = _inFlight.GetOrAdd(jobId, started.Task);
        if (running != started.Task) return running;
        _ = RunAsync(jobId, started);
        return started.Task;
    }

    private async Task RunAsync(string jobId, TaskCompletionSource<OutboxJob?> done)
    {
        try
        {
            done.SetResult(await SendAsync(jobId));
        }
        catch (Exception ex)
        {
            LogJobCrashed(log, ex, jobId);
            done.SetException(ex);
        }
        finally
        {
            _inFlight.TryRemove(jobId, out _);
        }
    }

    private async Task<OutboxJob?> SendAsync(string jobId)
    {
        // Not pending, or another instance is on it: nothing to do here; the job as it stands.
        if (store.TryClaim(jobId, instance.Value, time.GetUtcNow(), options.ClaimLease) is not { } job) return store.Find(jobId);
        if (_guards.TryGetValue(job.Topic, out var guard) && !guard.StillWanted(job))
        {
            return Finish(job, OutboxState.Canceled, OutboxOutcome.NoLongerNeeded, null);
        }
        // Written with the outcome (Finish); a send cut off by a crash is closed as interrupted, whatever its count.
        job.Attempts++;

        var resolution = await resolver.ResolveAsync(job.Recipient, reopen: false, CancellationToken.None);
        if (resolution.Conversation is not { } conversation)
        {
            return Finish(job, OutboxState.Gone, resolution.Failure, resolution.Detail);
        }
        var message = OutboxPayload.Deserialize(job.Payload);
        var result = await TrySendAsync(conversation, message);
        if (OutcomeClassifier.IsConversationNotFound(result) && job.Recipient.ConversationId is null)
        {
            // The 1:1 chat vanished (history cleared): open it again once and resend.
            resolution = await resolver.ResolveAsync(job.Recipient, reopen: true, CancellationToken.None);
            if (resolution.Conversation is null) return Finish(job, OutboxState.Gone, resolution.Failure, resolution.Detail);
            conversation = resolution.Conversation;
            result = await TrySendAsync(conversation, message);
        }
        job.ConversationId = conversation.ConversationId;
        var (outcome, retry) = OutcomeClassifier.Of(result);
        if (outcome == OutboxOutcome.Delivered)
        {
            job.ActivityId = result.ActivityId;
            job.SentAt = time.GetUtcNow().UtcDateTime;
            return Finish(job, OutboxState.Sent, outcome, null);
        }
        var detail = OutcomeClassifier.Detail(result);
        LogNotDelivered(log, job.Id, outcome, detail);
        if (retry && job.Attempts < options.MaxAttempts)
        {
            job.NextAttemptAt = time.GetUtcNow().UtcDateTime + RetryDelay(job.Attempts);
            return Finish(job, OutboxState.Pending, outcome, detail);
        }
        return Finish(job, retry || outcome is OutboxOutcome.Failed or OutboxOutcome.Unconfirmed ? OutboxState.Failed : OutboxState.Gone, outcome, detail);
    }

    private async Task<SendResult> TrySendAsync(ConversationRef conversation, OutgoingMessage message)
    {
        try
        {
            return await messenger.SendAsync(conversation, message, null, CancellationToken.None);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            return new SendResult(DeliveryStatus.Failed, null, null, "NetworkError", ex.Message);
        }
    }

    private TimeSpan RetryDelay(int attempts)
    {
        var delay = options.RetryDelay * Math.Pow(2, Math.Max(0, attempts - 1));
        return delay < options.MaxRetryDelay ? delay : options.MaxRetryDelay;
    }

    private OutboxJob Finish(OutboxJob job, OutboxState state, OutboxOutcome outcome, string? detail)
    {
        job.State = state;
        job.Outcome = outcome;
        job.OutcomeDetail = detail;
        // The claim ends with the send: a job back to pending for a retry is free for any instance when it falls due.
        job.ClaimedUntil = null;
        job.UpdatedAt = time.GetUtcNow().UtcDateTime;
        store.Update(job);
        metrics.OutboxFinished(job.Topic, state, outcome);
        return job;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox job {JobId} not delivered: {Outcome} {Detail}")]
    private static partial void LogNotDelivered(ILogger logger, string jobId, OutboxOutcome outcome, string? detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox job {JobId} crashed")]
    private static partial void LogJobCrashed(ILogger logger, Exception ex, string jobId);
}
