using VocEdWeek.Bot.Scheduling;

namespace VocEdWeek.Bot.Tests.Storage.Contract;

/// <summary>
/// What every <see cref="ISlotStore"/> does, whichever database keeps it: one subclass per implementation supplies an
/// empty store (<see cref="LiteDbSlotStoreContract"/>, <see cref="PostgreSqlSlotStoreContract"/>).
/// </summary>
public abstract class SlotStoreContract
{
    private ISlotStore? _store;

    /// <summary>An empty store, asked for once per test.</summary>
    protected abstract ISlotStore NewStore();

    private ISlotStore Store => _store ??= NewStore();

    private static readonly DateTime Nine = new(2024, 5, 14, 1, 0, 0, DateTimeKind.Utc);

    private static SlotRecord Slot(string id, DateTime at, bool missed = false, string result = "ran") =>
        new() { Id = id, Source = "remind", At = at, RecordedAt = at.AddSeconds(3.25), Missed = missed, Result = result };

    [Fact]
    public void A_recorded_slot_is_done_and_found_as_recorded()
    {
        Assert.False(Store.IsDone("2024-wuxi|remind|2024-05-14T09:00"));
        Assert.Null(Store.Find("2024-wuxi|remind|2024-05-14T09:00"));

        Store.Record(Slot("2024-wuxi|remind|2024-05-14T09:00", Nine, missed: true, result: "missed beyond grace"));

        Assert.True(Store.IsDone("2024-wuxi|remind|2024-05-14T09:00"));
        Assert.False(Store.IsDone("2024-wuxi|remind|2024-05-14T11:00"));
        var found = Store.Find("2024-wuxi|remind|2024-05-14T09:00")!;
        Assert.Equal(("remind", Nine, Nine.AddSeconds(3.25), true, "missed beyond grace"),
            (found.Source, found.At, found.RecordedAt, found.Missed, found.Result));
    }

    [Fact]
    public void Recording_the_same_key_again_overwrites_it()
    {
        Store.Record(Slot("k", Nine, missed: false, result: "first"));
        Store.Record(Slot("k", Nine.AddHours(2), missed: true, result: "second"));

        var only = Assert.Single(Store.All());
        Assert.Equal(("k", Nine.AddHours(2), true, "second"), (only.Id, only.At, only.Missed, only.Result));
    }

    [Fact]
    public void All_lists_every_slot_earliest_first()
    {
        // Recorded out of order, with keys that sort differently from their times.
        Store.Record(Slot("a-late", Nine.AddHours(8)));
        Store.Record(Slot("b-early", Nine));
        Store.Record(Slot("c-middle", Nine.AddHours(2)));

        Assert.Equal(["b-early", "c-middle", "a-late"], Store.All().Select(s => s.Id));
    }

    [Fact]
    public void Dates_come_back_as_the_same_instant_in_UTC()
    {
        var local = new DateTime(2024, 5, 14, 9, 30, 15, 250, DateTimeKind.Local);
        Store.Record(Slot("utc", Nine));
        Store.Record(new SlotRecord { Id = "local", Source = "digest", At = local, RecordedAt = local, Result = "" });

        var utc = Store.Find("utc")!;
        var fromLocal = Store.Find("local")!;
        Assert.Equal((DateTimeKind.Utc, Nine), (utc.At.Kind, utc.At));
        Assert.Equal((DateTimeKind.Utc, local.ToUniversalTime()), (fromLocal.At.Kind, fromLocal.At));
        Assert.All(Store.All(), s => Assert.Equal(DateTimeKind.Utc, s.RecordedAt.Kind));
    }
}
