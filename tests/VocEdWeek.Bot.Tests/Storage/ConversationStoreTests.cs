using System.Globalization;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Storage;

public sealed class ConversationStoreTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly BotDatabase _db;
    private readonly ConversationStore _store;

    public ConversationStoreTests()
    {
        _db = new BotDatabase(new StorageOptions { Directory = _dir.Path });
        _store = new ConversationStore(_db);
    }

    public void Dispose()
    {
        _db.Dispose();
        _dir.Dispose();
    }

    private static TurnContext Turn(string serviceUrl, DateTimeOffset at, ConversationScope scope = ConversationScope.Personal, string id = "a:1", string? channel = null) =>
        new(new RefusingMessenger())
        {
            Kind = TurnKind.Message,
            Conversation = new ConversationRef(serviceUrl, id, "t1", "28:bot", "Bot", scope, scope == ConversationScope.Personal ? "29:u" : null, null, null, channel),
            User = new UserRef("29:u", null, "U"),
            Culture = CultureInfo.GetCultureInfo("zh-CN"),
            ReceivedAt = at,
            Authenticated = true,
        };

    [Fact]
    public void An_unchanged_reference_is_not_rewritten_within_the_hour_but_a_new_serviceUrl_is()
    {
        var t0 = DateTimeOffset.Parse("2024-05-14T01:00:00Z", CultureInfo.InvariantCulture);
        _store.Touch(Turn("https://smba.example/amer/", t0));
        Assert.Equal(t0.UtcDateTime, _store.Find("a:1")!.UpdatedAt);
        _store.Touch(Turn("https://smba.example/amer/", t0.AddMinutes(30)));
        Assert.Equal(t0.UtcDateTime, _store.Find("a:1")!.UpdatedAt);
        _store.Touch(Turn("https://smba.example/emea/", t0.AddMinutes(31)));
        Assert.Equal("https://smba.example/emea/", _store.Find("a:1")!.ServiceUrl);
        _store.Touch(Turn("https://smba.example/emea/", t0.AddHours(2)));
        Assert.Equal(t0.AddHours(2).UtcDateTime, _store.Find("a:1")!.UpdatedAt);
    }

    [Fact]
    public void Channel_thread_turns_keep_one_record_per_channel()
    {
        var at = DateTimeOffset.UtcNow;
        _store.Touch(Turn("https://s/", at, ConversationScope.Channel, "19:c@thread.tacv2;messageid=1", "19:c@thread.tacv2"));
        _store.Touch(Turn("https://s/", at, ConversationScope.Channel, "19:c@thread.tacv2;messageid=2", "19:c@thread.tacv2"));
        var record = _store.Find("19:c@thread.tacv2");
        Assert.NotNull(record);
        Assert.Null(_store.Find("19:c@thread.tacv2;messageid=1"));
        Assert.Equal("19:c@thread.tacv2", ConversationStore.ToRef(record).ConversationId);
    }
}
