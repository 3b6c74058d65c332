using Npgsql;
using VocEdWeek.Bot.Identity;

namespace VocEdWeek.Bot.Storage.PostgreSql.Identity;

/// <summary>Known Teams users in <c>users</c> (migration 0004).</summary>
public sealed class PgKnownUserStore(PgDatabase db) : IKnownUserStore
{
    private const string Columns = "id, aad_object_id, email, user_principal_name, checked_at";

    public KnownUser? Find(string teamsUserId) => db.Query($"SELECT {Columns} FROM users WHERE id = $1", Read, teamsUserId).SingleOrDefault();

    public void Save(KnownUser user) => db.Execute($"""
        INSERT INTO users ({Columns}) VALUES ($1, $2, $3, $4, $5)
        ON CONFLICT (id) DO UPDATE SET aad_object_id = excluded.aad_object_id, email = excluded.email,
            user_principal_name = excluded.user_principal_name, checked_at = excluded.checked_at
        """, user.Id, user.AadObjectId, user.Email, user.UserPrincipalName, user.CheckedAt);

    // lower() on both sides, as the indexes are built: e-mail addresses are ASCII, where it matches OrdinalIgnoreCase.
    public KnownUser? FindByEmail(string email) => db.Query(
        $"SELECT {Columns} FROM users WHERE lower(email) = lower($1) OR lower(user_principal_name) = lower($1) ORDER BY id LIMIT 1",
        Read, email).SingleOrDefault();

    private static KnownUser Read(NpgsqlDataReader r) => new()
    {
        Id = r.GetString(0),
        AadObjectId = r.IsDBNull(1) ? null : r.GetString(1),
        Email = r.IsDBNull(2) ? null : r.GetString(2),
        UserPrincipalName = r.IsDBNull(3) ? null : r.GetString(3),
        CheckedAt = r.GetDateTime(4),
    };
}
