namespace VocEdWeek.Bot.Outbox;

/// <summary>
/// The outbox jobs. Opening the store is the start of a process: a job found <see cref="OutboxState.Sending"/> whose
/// sender is gone was cut off mid-send (maybe after Teams got it), and is closed as <see cref="OutboxOutcome.Interrupted"/>
/// rather than sent again. With one process (LiteDB) that is every such job; with several instances on one database
/// (PostgreSQL) only this instance's own (its <see cref="Storage.InstanceName"/>), since a live instance may be sending the
/// others; those of an instance that died and did not come back are closed by <see cref="InterruptExpired"/> once their
/// claim has run out.
/// </summary>
/// <remarks>
/// Several workers (threads or instances) share the jobs through claims, in two steps. <see cref="ClaimDue"/> reserves a
/// round of due jobs for one instance until a lease ends, atomically, so two workers never take the same job; the jobs
/// stay <see cref="OutboxState.Pending"/>, and if the instance dies before sending them another takes them once the lease
/// has run out (nothing was sent). <see cref="TryClaim"/> is the only way into <see cref="OutboxState.Sending"/>: it
/// succeeds for one caller only, so even a job taken over after its lease ran out, or sent at once by a click on another
/// instance, goes out at most once.
/// </remarks>
public interface IOutboxStore
{
    /// <summary>Stores the job unless its key is already there; returns the stored job and whether it is new.</summary>
    (OutboxJob Job, bool IsNew) Add(OutboxJob job);

    OutboxJob? Find(string id);

    /// <summary>Writes the job as it is now (by <see cref="OutboxJob.Id"/>).</summary>
    void Update(OutboxJob job);

    /// <summary>Pending jobs whose time has come: most urgent first, then oldest first, then by key.</summary>
    IReadOnlyList<OutboxJob> Due(DateTimeOffset now, int limit);

    /// <summary>When the next pending job falls due, if any.</summary>
    DateTime? NextDue();

    /// <summary>Pending jobs whose time has come but that are not sent yet, and since when the oldest has been due.</summary>
    (int Count, DateTime? OldestDueAt) DueBacklog(DateTimeOffset now);

    IReadOnlyList<OutboxJob> ByTopic(string topic);

    int Count(OutboxState state);

    /// <summary>
    /// Up to <paramref name="limit"/> of the <see cref="Due"/> jobs (in that order) that no other instance holds a live claim
    /// on, now claimed by <paramref name="instance"/> until <paramref name="now"/> + <paramref name="lease"/>. Concurrent
    /// callers get disjoint jobs.
    /// </summary>
    IReadOnlyList<OutboxJob> ClaimDue(DateTimeOffset now, int limit, string instance, TimeSpan lease);

    /// <summary>
    /// Starts the send: the job, now <see cref="OutboxState.Sending"/> and claimed by <paramref name="instance"/> until
    /// <paramref name="now"/> + <paramref name="lease"/>, if it was pending and not under another instance's live claim;
    /// otherwise null (someone else is sending it, or it is done).
    /// </summary>
    OutboxJob? TryClaim(string id, string instance, DateTimeOffset now, TimeSpan lease);

    /// <summary>
    /// Closes as <see cref="OutboxOutcome.Interrupted"/> (state <see cref="OutboxState.Failed"/>, never sent again) every job
    /// in <see cref="OutboxState.Sending"/> whose claim has run out by <paramref name="now"/> or that nobody claims: its
    /// sender died mid-send. Returns how many were closed.
    /// </summary>
    int InterruptExpired(DateTimeOffset now);
}
