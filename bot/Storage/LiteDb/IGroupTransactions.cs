namespace VocEdWeek.Bot.Storage.LiteDb;

/// <summary>
/// Told how each transaction of a <see cref="GroupCommit"/> ended, on the writer's thread: a store that keeps in memory what
/// its writes wrote (the submission store's slot heads) holds a transaction's changes aside until it committed, and throws
/// them away when it rolled back (a batch that failed runs again write by write).
/// </summary>
public interface IGroupTransactions
{
    /// <summary>A transaction of the group is about to begin; exactly one of the two below follows, on the same thread.</summary>
    void Beginning();

    /// <summary>LiteDB committed the transaction (its reads now show it; the disk may not have it yet).</summary>
    void Committed();

    /// <summary>The transaction was rolled back, or its commit threw: what it wrote is not known to be in the file.</summary>
    void RolledBack();
}
