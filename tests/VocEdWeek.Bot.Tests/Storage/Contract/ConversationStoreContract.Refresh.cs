using VocEdWeek.Bot.Conversation;

namespace VocEdWeek.Bot.Tests.Storage.Contract;

/// <summary>
/// A refresh sees every write before it, however it is answered (the LiteDB store answers an unchanged reference from
/// its copy of the stored record), and what it returns is the caller's own.
/// </summary>
public abstract partial class ConversationStoreContract
{
    [Fact]
    public void A_refresh_sees_every_other_write_before_it()
    {
        Store.Touch(Turn("https://s/", T0));
        Store.Touch(Turn("https://s/", T0.AddMinutes(1)));

        Store.MarkInstalled(Store.Find("a:1")!, T0.AddMinutes(2).UtcDateTime);
        Assert.Equal(T0.AddMinutes(2).UtcDateTime, Store.Touch(Turn("https://s/", T0.AddMinutes(3))).WelcomedAt);

        Store.MarkRemoved(Store.Find("a:1")!, T0.AddMinutes(4).UtcDateTime);
        Assert.Equal(T0.AddMinutes(4).UtcDateTime, Store.Touch(Turn("https://s/", T0.AddMinutes(5))).RemovedAt);

        var saved = Store.Find("a:1")!;
        saved.RemovedAt = null;
        saved.InstalledAt = T0.AddMinutes(6).UtcDateTime;
        Store.Save(saved);
        Assert.Equal(((DateTime?)null, (DateTime?)T0.AddMinutes(6).UtcDateTime), Both(Store.Touch(Turn("https://s/", T0.AddMinutes(7)))));

        Store.MarkGone("a:1", T0.AddMinutes(8));
        Assert.Equal(T0.AddMinutes(8).UtcDateTime, Store.Touch(Turn("https://s/", T0.AddMinutes(9))).RemovedAt);

        Store.SaveOpened(new ConversationRef("https://s/", "a:1", "t1", "28:bot", "Bot", ConversationScope.Personal, "29:u", "aad-u", null, null),
            "U", T0.AddMinutes(10));
        Assert.Null(Store.Touch(Turn("https://s/", T0.AddMinutes(11))).RemovedAt);
    }

    [Fact]
    public void A_refresh_returns_a_record_of_the_callers_own()
    {
        Store.Touch(Turn("https://s/", T0));
        var first = Store.Touch(Turn("https://s/", T0.AddMinutes(1)));
        first.ServiceUrl = "https://changed-by-the-caller/";
        first.RemovedAt = T0.UtcDateTime;

        var again = Store.Touch(Turn("https://s/", T0.AddMinutes(2)));

        Assert.Equal(("https://s/", (DateTime?)null), (again.ServiceUrl, again.RemovedAt));
        Assert.Equal("https://s/", Store.Find("a:1")!.ServiceUrl);
    }

    private static (DateTime? RemovedAt, DateTime? InstalledAt) Both(ConversationRecord r) => (r.RemovedAt, r.InstalledAt);
}
