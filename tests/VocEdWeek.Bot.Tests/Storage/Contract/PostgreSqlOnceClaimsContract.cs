using VocEdWeek.Bot.Platform;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Storage.PostgreSql;
using VocEdWeek.Bot.Storage.PostgreSql.Inbound;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Storage.Contract;

/// <summary>
/// <see cref="IOnceClaims"/> on PostgreSQL, where several instances share the claims: one winner per key, whichever
/// instance (and connection pool) asks. On LiteDB there is one process and every claim is granted
/// (<see cref="LiteDbOnceClaimsContract"/>).
/// </summary>
public sealed class PostgreSqlOnceClaimsContract(PgTestDatabase database) : IClassFixture<PgTestDatabase>
{
    private const string Key = "msteams|a:zhangwei-chat|message|1715650200000";

    [Fact]
    public void A_key_is_claimed_once_and_a_second_claim_is_refused()
    {
        var claims = new PgOnceClaims(database.Fresh(), new InstanceName("one"));

        Assert.True(claims.TryClaim(Key));
        Assert.False(claims.TryClaim(Key));
        Assert.True(claims.TryClaim(Key + "-other"));
    }

    [Fact]
    public void Another_instance_on_its_own_connection_pool_is_refused_the_claimed_key()
    {
        var db = database.Fresh();
        using var second = new PgDatabase(database.ConnectionString);
        var one = new PgOnceClaims(db, new InstanceName("one"));
        var two = new PgOnceClaims(second, new InstanceName("two"));

        Assert.True(one.TryClaim(Key));
        Assert.False(two.TryClaim(Key));

        Assert.Equal("one", db.Scalar<string>("SELECT instance FROM activity_claims WHERE key = $1", Key));
    }

    [Fact]
    public void Forgetting_removes_only_claims_older_than_the_age_and_frees_their_keys()
    {
        var db = database.Fresh();
        var claims = new PgOnceClaims(db, new InstanceName("one"));
        claims.TryClaim("old");
        claims.TryClaim("new");
        // Claims carry the database's time: age one of them instead of waiting.
        db.Execute("UPDATE activity_claims SET claimed_at = claimed_at - interval '16 minutes' WHERE key = 'old'");

        claims.Forget(TimeSpan.FromMinutes(15));

        Assert.Equal(["new"], db.Query("SELECT key FROM activity_claims", r => r.GetString(0)));
        Assert.True(claims.TryClaim("old"));
        Assert.False(claims.TryClaim("new"));
    }

    [Fact]
    public void Of_20_instances_claiming_one_key_at_once_exactly_one_wins()
    {
        var db = database.Fresh();
        var pools = Enumerable.Range(0, 4).Select(_ => new PgDatabase(database.ConnectionString)).ToList();
        try
        {
            var wins = Racers.Succeeded(20, i => new PgOnceClaims(pools[i % pools.Count], new InstanceName($"instance-{i}")).TryClaim(Key));

            Assert.Equal(1, wins);
            Assert.Equal(1L, db.Scalar<long>("SELECT count(*) FROM activity_claims"));
        }
        finally
        {
            pools.ForEach(p => p.Dispose());
        }
    }
}
