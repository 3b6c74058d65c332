using LiteDB;

namespace VocEdWeek.Bot.Storage.LiteDb;

/// <summary>
/// One LiteDB transaction around the work. LiteDB's transactions belong to the calling thread and BeginTrans answers
/// false inside one already open, so a nested call simply joins: only the outermost call commits or rolls back.
/// </summary>
public sealed class LiteDbAtomicWrites(BotDatabase db) : IAtomicWrites
{
    public T Atomically<T>(Func<T> work)
    {
        var own = db.Database.BeginTrans();
        try
        {
            var result = work();
            if (own) db.Database.Commit();
            return result;
        }
        catch when (own)
        {
            RollBack();
            throw;
        }
    }

    private void RollBack()
    {
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
