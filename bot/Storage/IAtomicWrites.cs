namespace VocEdWeek.Bot.Storage;

/// <summary>
/// Writes to several stores that stand or fall together (a week and its settings-log entry; a reminder slot's outbox
/// jobs and log entries): every store call made inside <see cref="Atomically{T}"/> joins one database transaction,
/// committed when the work returns and rolled back when it throws. Nested calls join the outer one.
/// </summary>
public interface IAtomicWrites
{
    T Atomically<T>(Func<T> work);
}

public static class AtomicWritesExtensions
{
    public static void Atomically(this IAtomicWrites writes, Action work) => writes.Atomically(() =>
    {
        work();
        return 0;
    });
}
