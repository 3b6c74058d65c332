using LiteDB;

namespace VocEdWeek.Bot.Storage.LiteDb;

/// <summary>
/// The writes one <see cref="GroupCommit"/> writer took: all in one transaction and one commit; if any of them throws
/// (or the commit does), each again alone in its own transaction, so only the failing ones fail.
/// Runs on the writer's thread, which holds no transaction (LiteDB's transactions are per thread). Each write is answered
/// once its commit is on the disk; meanwhile the writer goes on with the next batch, whose commit reaches the disk after.
/// </summary>
public sealed class GroupBatch(BotDatabase db, IReadOnlyList<QueuedWrite> writes, IGroupTransactions? transactions = null)
{
    public void Commit()
    {
        try
        {
            if (writes.Count > 1 && Together()) return;
            foreach (var write in writes) Alone(write);
        }
        catch (Exception ex)
        {
            // Only a failing rollback gets here; no waiter may be left without an answer.
            foreach (var write in writes.Where(w => !w.Done)) write.Fail(ex);
        }
    }

    private bool Together()
    {
        var results = new object?[writes.Count];
        DiskWait durable;
        Begin();
        try
        {
            for (var i = 0; i < writes.Count; i++) results[i] = writes[i].Run();
            durable = db.CommitDurably();
            transactions?.Committed();
        }
        catch (Exception)
        {
            // Which write failed, and whether the others would have, is learnt by running each alone.
            RollBack();
            return false;
        }
        // One hand-off for the whole batch, on the thread that flushed the log: each write's caller resumes on the pool.
        durable.Then(error =>
        {
            for (var i = 0; i < writes.Count; i++) writes[i].Answer(error, results[i]);
        });
        return true;
    }

    private void Alone(QueuedWrite write)
    {
        Begin();
        try
        {
            var result = write.Run();
            var durable = db.CommitDurably();
            transactions?.Committed();
            write.SucceedOnceOnDisk(durable, result);
        }
        catch (Exception ex)
        {
            RollBack();
            write.Fail(ex);
        }
    }

    private void Begin()
    {
        transactions?.Beginning();
        try
        {
            db.Database.BeginTrans();
        }
        catch (Exception)
        {
            transactions?.RolledBack();
            throw;
        }
    }

    private void RollBack()
    {
        // First: even when the rollback itself fails, the transaction's writes must not be taken as stored.
        transactions?.RolledBack();
        try
        {
            db.Database.Rollback();
        }
        catch (Exception ex) when (ex is IOException or LiteException)
        {
            // The engine closed on the disk error (nothing of the transaction was committed); it reopens on the next call.
        }
    }
}
