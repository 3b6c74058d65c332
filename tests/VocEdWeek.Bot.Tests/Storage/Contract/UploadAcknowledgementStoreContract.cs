using VocEdWeek.Bot.Features.UploadPage;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Storage.Contract;

/// <summary>
/// What every <see cref="IUploadAcknowledgementStore"/> does, whichever database keeps it
/// (<see cref="LiteDbUploadAcknowledgementStoreContract"/>, <see cref="PostgreSqlUploadAcknowledgementStoreContract"/>).
/// </summary>
public abstract class UploadAcknowledgementStoreContract
{
    private IUploadAcknowledgementStore? _store;

    /// <summary>An empty store, asked for once per test.</summary>
    protected abstract IUploadAcknowledgementStore NewStore();

    /// <summary>The store of another bot instance on the same database (LiteDB: the same store, see ConversationStoreContract).</summary>
    protected virtual IUploadAcknowledgementStore OtherInstance() => Store;

    protected IUploadAcknowledgementStore Store => _store ??= NewStore();

    protected static readonly DateTime T0 = new(2024, 5, 14, 1, 0, 0, DateTimeKind.Utc);

    private const string Batch = "upload|2024-wuxi|jw|plan|s1";

    [Fact]
    public void The_first_acknowledgement_of_a_batch_had_nothing_before_it()
    {
        Assert.Null(Store.Find(Batch));

        Assert.Equal(0, Store.Acknowledge(Batch, 3, T0));

        var found = Store.Find(Batch)!;
        Assert.Equal((Batch, 3, DateTimeKind.Utc, T0), (found.Id, found.Count, found.At.Kind, found.At));
        Assert.Null(Store.Find(Batch + "-other"));
    }

    [Fact]
    public void Acknowledging_as_many_again_hands_out_nothing_and_changes_nothing()
    {
        Store.Acknowledge(Batch, 3, T0);

        Assert.Equal(3, Store.Acknowledge(Batch, 3, T0.AddMinutes(5)));
        Assert.True(Store.Acknowledge(Batch, 2, T0.AddMinutes(6)) >= 2);

        Assert.Equal((3, T0), (Store.Find(Batch)!.Count, Store.Find(Batch)!.At));
    }

    [Fact]
    public void Files_that_arrive_later_are_acknowledged_from_where_the_last_one_stopped()
    {
        Store.Acknowledge(Batch, 3, T0);

        Assert.Equal(3, Store.Acknowledge(Batch, 5, T0.AddMinutes(10)));

        Assert.Equal((5, T0.AddMinutes(10)), (Store.Find(Batch)!.Count, Store.Find(Batch)!.At));
        Assert.Equal(0, Store.Acknowledge("upload|another", 1, T0));
    }

    [Fact]
    public void A_batch_with_no_files_stores_nothing()
    {
        Assert.Equal(0, Store.Acknowledge(Batch, 0, T0));

        Assert.Null(Store.Find(Batch));
    }

    [Fact]
    public void The_time_comes_back_as_the_same_instant_in_UTC()
    {
        var local = new DateTime(2024, 5, 14, 9, 30, 15, 250, DateTimeKind.Local);
        Store.Acknowledge(Batch, 1, local);

        Assert.Equal((DateTimeKind.Utc, local.ToUniversalTime()), (Store.Find(Batch)!.At.Kind, Store.Find(Batch)!.At));
    }

    [Fact]
    public void Acknowledgements_at_the_same_moment_hand_out_every_file_exactly_once()
    {
        // Files keep arriving while the page and the quiet-time sweeper (on two instances) acknowledge: each call sees
        // the batch at some size and acknowledges what nobody has yet.
        // First on a batch not stored yet, then on the same batch grown further.
        const int Files = 16;
        var stores = new[] { Store, OtherInstance() };
        foreach (var (from, to) in new[] { (1, Files), (Files + 1, 2 * Files) })
        {
            var sizes = Enumerable.Range(from, to - from + 1).Reverse().ToArray();

            var before = Simultaneously.Run(sizes.Length, i => stores[i % 2].Acknowledge(Batch, sizes[i], T0));

            var handedOut = sizes.Zip(before, (size, done) => Enumerable.Range(done, Math.Max(0, size - done))).SelectMany(f => f).Order().ToList();
            Assert.Equal(Enumerable.Range(from - 1, to - from + 1), handedOut);
            Assert.Equal(to, Store.Find(Batch)!.Count);
        }
    }
}
