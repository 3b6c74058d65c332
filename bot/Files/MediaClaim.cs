namespace VocEdWeek.Bot.Files;

/// <summary>
/// A hold on one file's pending work (its download, or its upload to SharePoint): <paramref name="Owner"/> (an instance's
/// name) works on it until <paramref name="UntilUtc"/>; after that another instance may take it over, so the work of an
/// instance that died is not lost. <paramref name="NowUtc"/> is when the claim is made.
/// </summary>
public sealed record MediaClaim(string Owner, DateTime NowUtc, DateTime UntilUtc)
{
    public static MediaClaim For(string owner, TimeProvider time, TimeSpan lease)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return new MediaClaim(owner, now, now + lease);
    }

    /// <summary>Whether a record held as <paramref name="record"/> says may be taken by this claim.</summary>
    public bool MayTake(MediaRecord record) =>
        record.ClaimedBy is null || record.ClaimedBy == Owner || record.ClaimedUntil is not { } until || until <= NowUtc;

    /// <summary>Puts the hold on the record.</summary>
    public void Hold(MediaRecord record)
    {
        record.ClaimedBy = Owner;
        record.ClaimedUntil = UntilUtc;
    }
}
