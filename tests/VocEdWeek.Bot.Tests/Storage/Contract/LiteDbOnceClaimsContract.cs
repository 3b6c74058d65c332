using VocEdWeek.Bot.Storage.LiteDb.Inbound;

namespace VocEdWeek.Bot.Tests.Storage.Contract;

/// <summary>
/// On LiteDB one process owns the file, and its in-memory de-duplication (ActivityDeduplicator) keeps copies from running
/// twice; the claims must never stop an activity, or a re-delivery after the window would be lost.
/// </summary>
public sealed class LiteDbOnceClaimsContract
{
    [Fact]
    public void Every_claim_is_granted_and_forgetting_changes_nothing()
    {
        var claims = new LiteDbOnceClaims();

        Assert.True(claims.TryClaim("msteams|a:chat|message|1"));
        claims.Forget(TimeSpan.Zero);
        Assert.True(claims.TryClaim("msteams|a:chat|message|1"));
    }
}
