using VocEdWeek.Bot.Conversation;

namespace VocEdWeek.Bot.Tests.Storage.Contract;

/// <summary>Saving, finding and the lookups senders make: a user's chat, where to open one from, the teams.</summary>
public abstract partial class ConversationStoreContract
{
    private static ConversationRecord Record(string id, DateTimeOffset updated, string scope = "Personal", string? tenant = "t1",
        string? user = null, string? aad = null, string? team = null, DateTime? removed = null) => new()
    {
        Id = id, ServiceUrl = "https://smba.example/" + id, TenantId = tenant, BotId = "28:bot", BotName = "Bot", Scope = scope,
        UserId = user, UserAadObjectId = aad, TeamId = team, ChannelId = team is null ? null : id, RemovedAt = removed, UpdatedAt = updated.UtcDateTime,
    };

    [Fact]
    public void A_saved_record_is_found_with_every_field_and_saving_again_overwrites_it()
    {
        Assert.Null(Store.Find("a:1"));
        var full = new ConversationRecord
        {
            Id = "a:1", ServiceUrl = "https://s/", TenantId = "t1", BotId = "28:b", BotName = "B", Scope = "GroupChat", UserId = "29:u",
            UserAadObjectId = "aad", UserName = "王", TeamId = "19:t", ChannelId = "19:c", Locale = "zh-CN", InstalledAt = T0.UtcDateTime,
            RemovedAt = T0.AddHours(1).UtcDateTime, WelcomedAt = T0.AddMinutes(1).UtcDateTime, UpdatedAt = T0.AddHours(2).UtcDateTime,
        };

        Store.Save(full);

        var found = Store.Find("a:1")!;
        Assert.Equal((full.Id, full.ServiceUrl, full.TenantId, full.BotId, full.BotName, full.Scope, full.UserId, full.UserAadObjectId),
            (found.Id, found.ServiceUrl, found.TenantId, found.BotId, found.BotName, found.Scope, found.UserId, found.UserAadObjectId));
        Assert.Equal((full.UserName, full.TeamId, full.ChannelId, full.Locale, full.InstalledAt, full.RemovedAt, full.WelcomedAt, full.UpdatedAt),
            (found.UserName, found.TeamId, found.ChannelId, found.Locale, found.InstalledAt, found.RemovedAt, found.WelcomedAt, found.UpdatedAt));

        Store.Save(Record("a:1", T0));
        var overwritten = Store.Find("a:1")!;
        Assert.Equal(("Personal", (string?)null, (DateTime?)null), (overwritten.Scope, overwritten.UserName, overwritten.InstalledAt));
    }

    [Fact]
    public void Dates_come_back_as_the_same_instant_in_UTC()
    {
        var local = new DateTime(2024, 5, 14, 9, 30, 15, 250, DateTimeKind.Local);
        var record = Record("a:1", T0);
        record.UpdatedAt = local;
        record.InstalledAt = local;
        Store.Save(record);

        var found = Store.Find("a:1")!;
        Assert.Equal((DateTimeKind.Utc, local.ToUniversalTime()), (found.UpdatedAt.Kind, found.UpdatedAt));
        Assert.Equal((DateTimeKind.Utc, local.ToUniversalTime()), (found.InstalledAt!.Value.Kind, found.InstalledAt.Value));
    }

    [Fact]
    public void A_users_chat_is_found_by_Entra_id_else_by_Teams_id_and_only_while_live()
    {
        Store.Save(Record("a:aad", T0, user: "29:x", aad: "aad-1"));
        Store.Save(Record("a:teams", T0, user: "29:u"));
        Store.Save(Record("19:channel", T0, scope: "Channel", user: "29:c", aad: "aad-c"));
        Store.Save(Record("a:removed", T0, user: "29:r", aad: "aad-r", removed: T0.UtcDateTime));

        Assert.Equal("a:aad", Store.FindPersonal("aad-1", "29:u")!.Id);
        Assert.Equal("a:teams", Store.FindPersonal("aad-unknown", "29:u")!.Id);
        Assert.Equal("a:teams", Store.FindPersonal(null, "29:u")!.Id);
        Assert.Null(Store.FindPersonal("aad-c", "29:c"));
        Assert.Null(Store.FindPersonal("aad-r", "29:r"));
        Assert.Null(Store.FindPersonal(null, null));
    }

    [Fact]
    public void The_latest_live_conversation_of_a_tenant_is_where_chats_are_opened_from()
    {
        Store.Save(Record("a:old", T0, tenant: "t1"));
        Store.Save(Record("a:new", T0.AddHours(2), tenant: "t1"));
        Store.Save(Record("a:removed", T0.AddHours(5), tenant: "t1", removed: T0.UtcDateTime));
        Store.Save(Record("a:t2", T0.AddHours(1), tenant: "t2"));
        Store.Save(Record("a:no-tenant", T0.AddHours(9), tenant: null));

        Assert.Equal("a:new", Store.LatestOfTenant("t1")!.Id);
        Assert.Equal("a:t2", Store.LatestOfTenant("t2")!.Id);
        Assert.Equal("a:new", Store.LatestOfTenant(null)!.Id);
        Assert.Null(Store.LatestOfTenant("t3"));
    }

    [Fact]
    public void Teams_lists_each_live_team_once_by_its_latest_channel()
    {
        Store.Save(Record("19:a-general", T0, scope: "Channel", team: "team-a"));
        Store.Save(Record("19:a-office", T0.AddHours(1), scope: "Channel", team: "team-a"));
        Store.Save(Record("19:b", T0, scope: "Channel", team: "team-b", tenant: "t2"));
        Store.Save(Record("19:c", T0, scope: "Channel", team: "team-c", removed: T0.UtcDateTime));
        Store.Save(Record("a:chat", T0));

        Assert.Equal(["19:a-office", "19:b"], Store.Teams(null).Select(t => t.Id).Order());
        Assert.Equal(["19:a-office"], Store.Teams("t1").Select(t => t.Id));
        Assert.Empty(Store.Teams("t3"));
    }

    [Fact]
    public void A_chat_the_bot_opened_is_kept_live_and_keeps_what_is_known()
    {
        var opened = new ConversationRef("https://smba.example/new/", "a:opened", "t1", "28:bot", null, ConversationScope.Personal, "29:o", "aad-o");

        var first = Store.SaveOpened(opened, "欧阳", T0);
        Assert.Equal(("Personal", "https://smba.example/new/", "29:o", "aad-o", "欧阳", T0.UtcDateTime), (first.Scope, first.ServiceUrl, first.UserId, first.UserAadObjectId, first.UserName, first.UpdatedAt));

        Store.MarkGone("a:opened", T0.AddHours(1));
        Assert.Equal(T0.AddHours(1).UtcDateTime, Store.Find("a:opened")!.RemovedAt);
        Assert.Null(Store.FindPersonal("aad-o", null));

        var again = Store.SaveOpened(opened with { ServiceUrl = "https://smba.example/again/", TenantId = null, UserAadObjectId = null }, "other name", T0.AddHours(2));
        var found = Store.Find("a:opened")!;
        foreach (var r in new[] { again, found })
            Assert.Equal(("https://smba.example/again/", "t1", "aad-o", "欧阳", (DateTime?)null, T0.AddHours(2).UtcDateTime), (r.ServiceUrl, r.TenantId, r.UserAadObjectId, r.UserName, r.RemovedAt, r.UpdatedAt));
        Assert.Equal("a:opened", Store.FindPersonal("aad-o", null)!.Id);
    }

    [Fact]
    public void Marking_an_unknown_conversation_gone_changes_nothing()
    {
        Store.MarkGone("a:never", T0);

        Assert.Null(Store.Find("a:never"));
    }
}
