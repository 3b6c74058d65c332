using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Protocol.Connector;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Protocol.Hardening;

/// <summary>
/// Issue 15, hole 9: stored conversation references are only replaced by an authenticated activity from the
/// same conversation, and anonymous mode never posts anywhere but loopback. No test here can reach the network:
/// the connector client's handler records instead of sending.
/// </summary>
public sealed class ReferenceTests
{
    private const string ZhangWei = "11a150a0-0000-4000-8000-000000000001";
    private readonly ConcurrentQueue<Uri> _posted = new();

    private Task<TestHost> AnonymousAsync() => TestHost.StartAsync(new()
    {
        Services = s => s.AddHttpClient(ConnectorClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new RecordingHandler(_posted)),
    });

    [Fact]
    public async Task Junk_activities_with_a_known_users_id_do_not_take_over_their_chat()
    {
        await using var bot = await AnonymousAsync();
        using var client = bot.Factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await RawPost.JsonAsync(client, Wire.LiaisonMessage("http://127.0.0.1:9/", "help"))).StatusCode);

        foreach (var junk in new[] { "true", "1", "a:someone-else" })
        {
            var activity = Wire.LiaisonMessage("http://127.0.0.1:7/", "状态", conversationId: junk);
            await RawPost.JsonAsync(client, activity);
        }
        // The same conversation, but from somewhere else, unauthenticated.
        await RawPost.JsonAsync(client, Wire.LiaisonMessage("http://localhost:8/", "状态"));

        var store = bot.Services.GetRequiredService<IConversationStore>();
        var chat = store.FindPersonal(ZhangWei, "29:zhangwei");
        Assert.Equal("a:zhangwei-chat", chat?.Id);
        Assert.Equal("http://127.0.0.1:9/", chat?.ServiceUrl);
        foreach (var junk in new[] { "true", "1", "a:someone-else" }) Assert.Null(store.Find(junk)?.UserAadObjectId);
    }

    [Fact]
    public async Task An_authenticated_activity_from_the_same_conversation_replaces_the_reference()
    {
        await using var idp = await FakeBotFrameworkIdentity.StartAsync();
        await using var bot = await TestHost.StartAsync(new() { Identity = idp });
        foreach (var serviceUrl in new[] { "https://smba.trafficmanager.net/amer/", "https://smba.trafficmanager.net/emea/" })
        {
            var activity = TestActivities.Event(serviceUrl);
            var response = await bot.PostActivityWithTokenAsync(activity, idp.CreateChannelToken(AuthenticatedBot.AppId, serviceUrl));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        Assert.Equal("https://smba.trafficmanager.net/emea/", bot.Services.GetRequiredService<IConversationStore>().Find("a:test-conversation")?.ServiceUrl);
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/")]
    [InlineData("http://10.0.0.8:8080/")]
    [InlineData("https://192.168.1.1/")]
    [InlineData("http://example.com/")]
    public async Task Anonymous_mode_refuses_activities_pointing_elsewhere_than_loopback(string serviceUrl)
    {
        await using var bot = await AnonymousAsync();
        using var client = bot.Factory.CreateClient();
        var response = await RawPost.JsonAsync(client, Wire.LiaisonMessage(serviceUrl, "help"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_posted);
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/")]
    [InlineData("http://172.16.0.1/")]
    [InlineData("https://smba.trafficmanager.net/amer/")]
    public async Task Anonymous_mode_never_posts_to_a_non_loopback_host(string serviceUrl)
    {
        await using var bot = await AnonymousAsync();
        var messenger = bot.Services.GetRequiredService<IMessenger>();
        var to = new ConversationRef(serviceUrl, "a:chat", "tenant-1", "28:bot", "VocEdWeek", ConversationScope.Personal, "29:user");

        var result = await messenger.SendAsync(to, OutgoingMessage.FromText("hello"), null);

        Assert.Equal(DeliveryStatus.Failed, result.Status);
        Assert.Empty(_posted);
    }

    [Fact]
    public async Task Anonymous_mode_still_posts_to_loopback()
    {
        await using var bot = await AnonymousAsync();
        var messenger = bot.Services.GetRequiredService<IMessenger>();
        var to = new ConversationRef("http://127.0.0.1:9/", "a:chat", "tenant-1", "28:bot", "VocEdWeek", ConversationScope.Personal, "29:user");

        var result = await messenger.SendAsync(to, OutgoingMessage.FromText("hello"), null);

        Assert.True(result.Delivered);
        Assert.Single(_posted);
    }
}
