using VocEdWeek.Bot.Files;

namespace VocEdWeek.Bot.Tests.Storage.Contract;

/// <summary>The lease sweep's question: which pending downloads has nobody been fetching (<see cref="IMediaStore.AbandonedBatches"/>).</summary>
public abstract partial class MediaStoreContract
{
    [Fact]
    public void A_batch_is_abandoned_once_its_files_hold_ran_out_or_nobody_held_it_since_before_the_horizon()
    {
        var held = Pending("held.jpg", batch: "held");
        var expired = Pending("expired.jpg", batch: "expired");
        Pending("old.jpg", batch: "old");
        Store.Add(File("fresh.jpg", Nine.AddMinutes(30), batch: "fresh", state: MediaState.Pending));
        var stored = File("stored.jpg", Nine, batch: "stored");
        Store.Add(stored);
        stored.ClaimedBy = "dead";
        stored.ClaimedUntil = Nine;
        Store.Update(stored);
        Store.ClaimDownload(held.Id, new MediaClaim("live", Nine, Nine.AddHours(3)));
        Store.ClaimDownload(expired.Id, new MediaClaim("dead", Nine, Nine.AddHours(1)));

        // Before any hold runs out, and with the horizon at the time the first came: nothing.
        Assert.Empty(Store.AbandonedBatches(Nine.AddMinutes(59), Nine));
        // The hold of "dead" has run out; the file nobody held came before the horizon, the fresh one after it.
        Assert.Equal(["expired", "old"], Store.AbandonedBatches(Nine.AddHours(1), Nine.AddMinutes(1)).Order(StringComparer.Ordinal));
        // Taken over: held again, no longer abandoned until that hold runs out too.
        Store.ClaimDownload(expired.Id, new MediaClaim("live", Nine.AddHours(1), Nine.AddHours(4)));
        Assert.Equal(["fresh", "old"], Store.AbandonedBatches(Nine.AddHours(1), Nine.AddMinutes(31)).Order(StringComparer.Ordinal));
        Assert.Equal(["expired", "fresh", "held", "old"], Store.AbandonedBatches(Nine.AddHours(5), Nine.AddMinutes(31)).Order(StringComparer.Ordinal));
    }
}
