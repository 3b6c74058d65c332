using VocEdWeek.Bot.Scheduling;
using VocEdWeek.Bot.Storage;

namespace VocEdWeek.Bot.Tests.Storage.Contract;

/// <summary>
/// What <see cref="IAtomicWrites"/> promises on every database: store calls inside it stand or fall together, a nested
/// call joins the outer one, and what is written inside is visible inside before the commit.
/// </summary>
public abstract class AtomicWritesContract
{
    private (ISlotStore Slots, IAtomicWrites Writes)? _open;

    /// <summary>An empty slot store and the atomic writes of the same database.</summary>
    protected abstract (ISlotStore Slots, IAtomicWrites Writes) Open();

    private ISlotStore Slots => (_open ??= Open()).Slots;

    private IAtomicWrites Writes => (_open ??= Open()).Writes;

    private static SlotRecord Slot(string id) =>
        new() { Id = id, Source = "remind", At = new DateTime(2024, 5, 14, 1, 0, 0, DateTimeKind.Utc), Result = "ran" };

    [Fact]
    public void Writes_that_return_are_all_kept()
    {
        var count = Writes.Atomically(() =>
        {
            Slots.Record(Slot("a"));
            Slots.Record(Slot("b"));
            return Slots.All().Count;
        });

        Assert.Equal(2, count);
        Assert.Equal(["a", "b"], Slots.All().Select(s => s.Id).Order().ToArray());
    }

    [Fact]
    public void Writes_that_throw_are_all_undone()
    {
        Slots.Record(Slot("before"));

        Assert.Throws<InvalidOperationException>(() => Writes.Atomically(() =>
        {
            Slots.Record(Slot("a"));
            Assert.True(Slots.IsDone("a"), "a write is visible inside its own transaction");
            throw new InvalidOperationException("half-way");
        }));

        Assert.Equal(["before"], Slots.All().Select(s => s.Id).ToArray());
    }

    [Fact]
    public void A_nested_call_joins_the_outer_one_and_falls_with_it()
    {
        Assert.Throws<InvalidOperationException>(() => Writes.Atomically(() =>
        {
            Writes.Atomically(() => Slots.Record(Slot("inner")));
            Slots.Record(Slot("outer"));
            throw new InvalidOperationException("after the inner call returned");
        }));

        Assert.Empty(Slots.All());
    }

    [Fact]
    public void After_a_failure_the_next_call_works()
    {
        Assert.Throws<InvalidOperationException>(() => Writes.Atomically(() => throw new InvalidOperationException()));

        Writes.Atomically(() => Slots.Record(Slot("next")));

        Assert.True(Slots.IsDone("next"));
    }
}
