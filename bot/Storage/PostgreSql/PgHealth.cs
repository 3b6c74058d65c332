using Npgsql;

namespace VocEdWeek.Bot.Storage.PostgreSql;

/// <summary>The PostgreSQL server answers <c>SELECT 1</c> on a connection from the pool.</summary>
public sealed class PgHealth(PgDatabase db) : IDatabaseHealth
{
    public DatabaseAnswer Ask()
    {
        try
        {
            return db.Scalar<int>("SELECT 1") == 1
                ? new DatabaseAnswer(true, "PostgreSQL answers.")
                : new DatabaseAnswer(false, "The database gave a wrong answer.");
        }
        catch (Exception ex) when (ex is NpgsqlException or ObjectDisposedException or InvalidOperationException)
        {
            // The exception's text can name the host and the user: the answer only says what is wrong.
            return new DatabaseAnswer(false, "The database cannot be reached.");
        }
    }
}
