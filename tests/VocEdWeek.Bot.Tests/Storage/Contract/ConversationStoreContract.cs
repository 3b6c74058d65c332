using System.Globalization;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Storage.Contract;

/// <summary>
/// What every <see cref="IConversationStore"/> does, whichever database keeps it (<see cref="LiteDbConversationStoreContract"/>,
/// <see cref="PostgreSqlConversationStoreContract"/>): refreshing from turns, the install marks and their races here; the
/// lookups in ConversationStoreContract.Lookups.cs.
/// </summary>
public abstract partial class ConversationStoreContract
{
    private IConversationStore? _store;

    /// <summary>An empty store, asked for once per test.</summary>
    protected abstract IConversationStore NewStore();

    /// <summary>
    /// The store of another bot instance on the same database, asked for after <see cref="NewStore"/>. The LiteDB file
    /// belongs to one process, which has one store: there it is the same store.
    /// </summary>
    protected virtual IConversationStore OtherInstance() => Store;

    private IConversationStore Store => _store ??= NewStore();

    private static readonly DateTimeOffset T0 = new(2024, 5, 14, 1, 0, 0, TimeSpan.Zero);

    private static TurnContext Turn(string serviceUrl, DateTimeOffset at, ConversationScope scope = ConversationScope.Personal, string id = "a:1",
        string? channel = null, bool authenticated = true, string user = "29:u", string? aad = "aad-u", string? name = "U", string culture = "zh-CN") =>
        new(new RefusingMessenger())
        {
            Kind = TurnKind.Message,
            Conversation = new ConversationRef(serviceUrl, id, "t1", "28:bot", "Bot", scope,
                scope == ConversationScope.Personal ? user : null, scope == ConversationScope.Personal ? aad : null,
                scope == ConversationScope.Channel ? "19:team" : null, channel),
            User = new UserRef(user, aad, name),
            Culture = CultureInfo.GetCultureInfo(culture),
            ReceivedAt = at,
            Authenticated = authenticated,
        };

    [Fact]
    public void A_first_turn_stores_its_conversation()
    {
        Assert.Null(Store.Find("a:1"));

        var touched = Store.Touch(Turn("https://smba.example/amer/", T0, name: "张伟"));

        var found = Store.Find("a:1")!;
        foreach (var r in new[] { touched, found })
        {
            Assert.Equal(("a:1", "https://smba.example/amer/", "t1", "28:bot", "Bot", "Personal"), (r.Id, r.ServiceUrl, r.TenantId, r.BotId, r.BotName, r.Scope));
            Assert.Equal(("29:u", "aad-u", "张伟", "zh-CN", (string?)null, (string?)null), (r.UserId, r.UserAadObjectId, r.UserName, r.Locale, r.TeamId, r.ChannelId));
            Assert.Equal((DateTimeKind.Utc, T0.UtcDateTime), (r.UpdatedAt.Kind, r.UpdatedAt));
            Assert.Equal(((DateTime?)null, (DateTime?)null, (DateTime?)null), (r.InstalledAt, r.RemovedAt, r.WelcomedAt));
        }
    }

    [Fact]
    public void An_unchanged_reference_is_not_rewritten_within_the_hour_but_a_new_serviceUrl_is()
    {
        Store.Touch(Turn("https://smba.example/amer/", T0));
        Assert.Equal(T0.UtcDateTime, Store.Find("a:1")!.UpdatedAt);
        Assert.Equal(T0.UtcDateTime, Store.Touch(Turn("https://smba.example/amer/", T0.AddMinutes(30))).UpdatedAt);
        Assert.Equal(T0.UtcDateTime, Store.Find("a:1")!.UpdatedAt);
        Store.Touch(Turn("https://smba.example/emea/", T0.AddMinutes(31)));
        Assert.Equal(("https://smba.example/emea/", T0.AddMinutes(31).UtcDateTime), (Store.Find("a:1")!.ServiceUrl, Store.Find("a:1")!.UpdatedAt));
        Store.Touch(Turn("https://smba.example/emea/", T0.AddHours(2)));
        Assert.Equal(T0.AddHours(2).UtcDateTime, Store.Find("a:1")!.UpdatedAt);
    }

    [Fact]
    public void Channel_thread_turns_keep_one_record_per_channel()
    {
        Store.Touch(Turn("https://s/", T0, ConversationScope.Channel, "19:c@thread.tacv2;messageid=1", "19:c@thread.tacv2"));
        Store.Touch(Turn("https://s/", T0, ConversationScope.Channel, "19:c@thread.tacv2;messageid=2", "19:c@thread.tacv2"));

        var record = Store.Find("19:c@thread.tacv2");
        Assert.NotNull(record);
        Assert.Null(Store.Find("19:c@thread.tacv2;messageid=1"));
        Assert.Equal(("Channel", "19:team"), (record.Scope, record.TeamId));
        Assert.Equal("19:c@thread.tacv2", record.ToRef().ConversationId);
    }

    [Fact]
    public void An_unauthenticated_turn_does_not_move_where_a_stored_conversation_is_sent()
    {
        Store.Touch(Turn("https://smba.example/amer/", T0));

        Store.Touch(Turn("https://evil.example/", T0.AddMinutes(1), authenticated: false, name: "U2", culture: "en-US"));

        var r = Store.Find("a:1")!;
        Assert.Equal(("https://smba.example/amer/", "29:u", "U2", "en-US"), (r.ServiceUrl, r.UserId, r.UserName, r.Locale));
    }

    [Fact]
    public void An_unauthenticated_new_chat_does_not_claim_a_user_who_has_one()
    {
        Store.Touch(Turn("https://smba.example/amer/", T0));

        Store.Touch(Turn("https://other.example/", T0.AddMinutes(1), id: "a:2", authenticated: false));

        var claimed = Store.Find("a:2")!;
        Assert.Equal(("https://other.example/", (string?)null, (string?)null), (claimed.ServiceUrl, claimed.UserId, claimed.UserAadObjectId));
        Assert.Equal("a:1", Store.FindPersonal("aad-u", "29:u")!.Id);
        // A user without a chat yet may be added by one.
        Store.Touch(Turn("https://other.example/", T0, id: "a:3", authenticated: false, user: "29:new", aad: "aad-new"));
        Assert.Equal("a:3", Store.FindPersonal("aad-new", null)!.Id);
    }

    [Fact]
    public void The_welcome_is_due_on_the_first_install_and_again_after_a_removal()
    {
        var record = Store.Touch(Turn("https://s/", T0));

        Assert.True(Store.MarkInstalled(record, T0.UtcDateTime));
        Assert.False(Store.MarkInstalled(Store.Touch(Turn("https://s/", T0.AddMinutes(1), name: "again")), T0.AddMinutes(1).UtcDateTime));
        var installed = Store.Find("a:1")!;
        Assert.Equal((T0.UtcDateTime, T0.UtcDateTime, (DateTime?)null, "again"), (installed.InstalledAt, installed.WelcomedAt, installed.RemovedAt, installed.UserName));

        Store.MarkRemoved(installed, T0.AddDays(1).UtcDateTime);
        Assert.Equal(T0.AddDays(1).UtcDateTime, Store.Find("a:1")!.RemovedAt);
        Assert.Null(Store.FindPersonal("aad-u", null));

        Assert.True(Store.MarkInstalled(installed, T0.AddDays(2).UtcDateTime));
        var back = Store.Find("a:1")!;
        Assert.Equal((T0.UtcDateTime, T0.AddDays(2).UtcDateTime, (DateTime?)null), (back.InstalledAt, back.WelcomedAt, back.RemovedAt));
    }

    [Fact]
    public void Marking_a_record_not_stored_adds_it()
    {
        Assert.True(Store.MarkInstalled(new ConversationRecord { Id = "a:new", ServiceUrl = "https://s/", UserId = "29:n", UpdatedAt = T0.UtcDateTime }, T0.UtcDateTime));
        Assert.Equal(("https://s/", "29:n", T0.UtcDateTime), (Store.Find("a:new")!.ServiceUrl, Store.Find("a:new")!.UserId, Store.Find("a:new")!.WelcomedAt));

        Store.MarkRemoved(new ConversationRecord { Id = "a:gone", ServiceUrl = "https://s/", UpdatedAt = T0.UtcDateTime }, T0.UtcDateTime);
        Assert.Equal(T0.UtcDateTime, Store.Find("a:gone")!.RemovedAt);
    }

    [Fact]
    public void A_refresh_keeps_the_install_marks()
    {
        Assert.True(Store.MarkInstalled(Store.Touch(Turn("https://s/", T0)), T0.UtcDateTime));

        Store.Touch(Turn("https://moved/", T0.AddHours(3), name: "renamed"));

        var r = Store.Find("a:1")!;
        Assert.Equal(("https://moved/", "renamed", T0.UtcDateTime, T0.UtcDateTime), (r.ServiceUrl, r.UserName, r.InstalledAt, r.WelcomedAt));
    }

    [Fact]
    public void Install_events_at_the_same_moment_welcome_once_even_on_two_instances()
    {
        // Stored already (the turn's refresh comes first), not installed yet: every event reads "no welcome yet".
        const int Events = 12;
        var other = OtherInstance();
        var stores = new[] { Store, other };
        var record = new ConversationRecord { Id = "a:race", ServiceUrl = "https://s/", UserId = "29:r", UpdatedAt = T0.UtcDateTime };
        Store.Save(record);

        var welcomes = Simultaneously.Run(Events, i => stores[i % 2].MarkInstalled(record.Copy(), T0.AddSeconds(i).UtcDateTime));

        Assert.Single(welcomes, w => w);
        var welcomedAt = Store.Find("a:race")!.WelcomedAt;
        Assert.Equal(welcomedAt, other.Find("a:race")!.WelcomedAt);
        Assert.Equal(T0.AddSeconds(Array.IndexOf(welcomes, true)).UtcDateTime, welcomedAt);
    }

    [Fact]
    public void Refreshes_racing_installs_neither_lose_the_marks_nor_welcome_twice()
    {
        // Teams sends installationUpdate and conversationUpdate together: each refreshes (with different names, so each
        // writes) and then marks the install. A refresh must never write back a copy read before the install was marked.
        const int Conversations = 6, EventsEach = 4;
        var stores = new[] { Store, OtherInstance() };

        var welcomes = Simultaneously.Run(Conversations * EventsEach, i =>
        {
            var store = stores[i % 2];
            var turn = Turn("https://s/", T0.AddSeconds(i), id: $"a:{i / EventsEach}", user: $"29:{i / EventsEach}", name: $"name {i}");
            return (Id: $"a:{i / EventsEach}", Welcome: store.MarkInstalled(store.Touch(turn), T0.UtcDateTime));
        });

        Assert.All(welcomes.GroupBy(w => w.Id), g => Assert.Single(g, w => w.Welcome));
        Assert.All(Enumerable.Range(0, Conversations), c => Assert.NotNull(Store.Find($"a:{c}")!.WelcomedAt));
    }
}
