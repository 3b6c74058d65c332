using Npgsql;

namespace VocEdWeek.Bot.Storage.PostgreSql;

/// <summary>Commands on one open connection, inside a transaction or not; parameters are positional (<c>$1</c>, <c>$2</c> …).</summary>
public sealed class PgSession(NpgsqlConnection connection, NpgsqlTransaction? transaction)
{
    public int Execute(string sql, params object?[] args)
    {
        using var command = Command(sql, args);
        return command.ExecuteNonQuery();
    }

    public T? Scalar<T>(string sql, params object?[] args)
    {
        using var command = Command(sql, args);
        return command.ExecuteScalar() is T value ? value : default;
    }

    public List<T> Query<T>(string sql, Func<NpgsqlDataReader, T> read, params object?[] args)
    {
        using var command = Command(sql, args);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read()) rows.Add(read(reader));
        return rows;
    }

    private NpgsqlCommand Command(string sql, object?[] args)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var arg in args) command.Parameters.Add(new NpgsqlParameter { Value = Value(arg) });
        return command;
    }

    /// <summary>
    /// Instants are stored as timestamptz, which takes only UTC: a local or unspecified DateTime is taken as local time,
    /// as LiteDB does, so both databases keep the same instant. Null is SQL NULL.
    /// </summary>
    private static object Value(object? arg) => arg switch
    {
        null => DBNull.Value,
        DateTime { Kind: not DateTimeKind.Utc } t => t.ToUniversalTime(),
        _ => arg,
    };
}
