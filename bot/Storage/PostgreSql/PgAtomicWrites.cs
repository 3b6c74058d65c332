namespace VocEdWeek.Bot.Storage.PostgreSql;

/// <summary>One PostgreSQL transaction around the work: every store call inside it runs on that transaction's connection.</summary>
public sealed class PgAtomicWrites(PgDatabase db) : IAtomicWrites
{
    public T Atomically<T>(Func<T> work) => db.InTransaction(_ => work());
}
