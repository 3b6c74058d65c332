using VocEdWeek.Bot.Features.DigestChannel;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Storage.Contract;

/// <summary>
/// What every <see cref="ISettingsStore"/> does, whichever database keeps it (<see cref="LiteDbSettingsStoreContract"/>,
/// <see cref="PostgreSqlSettingsStoreContract"/>).
/// </summary>
public abstract class SettingsStoreContract
{
    private ISettingsStore? _store;

    /// <summary>An empty store, asked for once per test.</summary>
    protected abstract ISettingsStore NewStore();

    /// <summary>The store of another bot instance on the same database (LiteDB: the same store, see ConversationStoreContract).</summary>
    protected virtual ISettingsStore OtherInstance() => Store;

    private ISettingsStore Store => _store ??= NewStore();

    private static readonly DateTimeOffset T0 = new(2024, 5, 14, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void A_setting_never_set_is_not_found()
    {
        Assert.Null(Store.Get("digest.channel"));
        Assert.Null(Store.Find("digest.channel"));
    }

    [Fact]
    public void A_first_change_is_found_with_who_made_it_and_replaced_nothing()
    {
        var set = Store.Set("digest.channel", "19:office", "aad-staff", T0, "王老师");

        Assert.Equal("19:office", Store.Get("digest.channel"));
        foreach (var s in new[] { set, Store.Find("digest.channel")! })
        {
            Assert.Equal(("digest.channel", "19:office", "aad-staff", "王老师"), (s.Id, s.Value, s.ChangedBy, s.ChangedByName));
            Assert.Equal((DateTimeKind.Utc, T0.UtcDateTime), (s.ChangedAt.Kind, s.ChangedAt));
            Assert.True(string.IsNullOrEmpty(s.Previous!.Value));
            Assert.Equal(((string?)null, (string?)null, (DateTime?)null), (s.Previous.ChangedBy, s.Previous.ChangedByName, s.Previous.ChangedAt));
        }
        Assert.Null(Store.Get("other.key"));
    }

    [Fact]
    public void A_change_keeps_the_value_it_replaced()
    {
        Store.Set("digest.channel", "19:first", "aad-1", T0, "一");

        var second = Store.Set("digest.channel", "19:second", "aad-2", T0.AddHours(1));

        var found = Store.Find("digest.channel")!;
        foreach (var s in new[] { second, found })
        {
            Assert.Equal(("19:second", "aad-2", (string?)null, T0.AddHours(1).UtcDateTime), (s.Value, s.ChangedBy, s.ChangedByName, s.ChangedAt));
            Assert.Equal(("19:first", "aad-1", "一", T0.UtcDateTime), (s.Previous!.Value, s.Previous.ChangedBy, s.Previous.ChangedByName, s.Previous.ChangedAt));
            Assert.Equal(DateTimeKind.Utc, s.Previous.ChangedAt!.Value.Kind);
        }
    }

    [Fact]
    public void An_empty_value_clears_the_setting_and_is_replaced_as_not_set()
    {
        Store.Set("digest.channel", "19:office", "aad-1", T0);

        Store.Set("digest.channel", "", "aad-2", T0.AddHours(1));

        Assert.Null(Store.Get("digest.channel"));
        var cleared = Store.Find("digest.channel")!;
        Assert.True(string.IsNullOrEmpty(cleared.Value));
        Assert.Equal(("19:office", "aad-2"), (cleared.Previous!.Value, cleared.ChangedBy));

        var again = Store.Set("digest.channel", "19:new", "aad-3", T0.AddHours(2));
        Assert.True(string.IsNullOrEmpty(again.Previous!.Value));
        Assert.Equal(("aad-2", T0.AddHours(1).UtcDateTime), (again.Previous.ChangedBy, again.Previous.ChangedAt));
    }

    [Fact]
    public void Changes_at_the_same_moment_each_replace_a_different_value()
    {
        const int Changes = 10;
        var stores = new[] { Store, OtherInstance() };

        var changes = Simultaneously.Run(Changes, i => stores[i % 2].Set("digest.channel", $"19:c{i}", $"aad-{i}", T0.AddSeconds(i)));

        // One chain from "not set" to the value left: every change replaced exactly the one before it.
        var replaced = changes.Select(c => c.Previous!.Value ?? "").ToList();
        Assert.Equal(Changes, replaced.Distinct().Count());
        var last = Store.Get("digest.channel")!;
        Assert.Equal(changes.Select(c => c.Value!).Append("").Where(v => v != last).Order(), replaced.Order());
    }
}
