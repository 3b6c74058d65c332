using System.Text.Json.Nodes;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Protocol.Connector;

/// <summary>URL shapes, escaping, bodies and response parsing of every connector operation.</summary>
public sealed class ConnectorMessengerTests
{
    private const string ChannelId = "19:LydFnezGKSkhYoiLNP6kZ8AuXQr36EDAkvG9CNJSPKc1@thread.tacv2";
    private const string ChannelIdEscaped = "19%3ALydFnezGKSkhYoiLNP6kZ8AuXQr36EDAkvG9CNJSPKc1%40thread.tacv2";

    [Fact]
    public async Task SendAsync_PostsActivityToEscapedConversationUnderServiceUrl()
    {
        await using var host = await ConnectorTestHost.StartAsync();
        var conversation = host.Conversation(ChannelId + ";messageid=1776390257332");

        var result = await host.RunAsync(() => host.Messenger.SendAsync(conversation, OutgoingMessage.FromText("Hello")));

        Assert.Equal(DeliveryStatus.Delivered, result.Status);
        Assert.Equal("1", result.ActivityId);
        Assert.Equal(201, result.HttpStatus);
        var request = Assert.Single(host.Connector.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/amer/v3/conversations/{ChannelIdEscaped}%3Bmessageid%3D1776390257332/activities", request.Target);
        Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);
        var body = JsonNode.Parse(request.Body)!;
        Assert.Equal("message", (string?)body["type"]);
        Assert.Equal("Hello", (string?)body["text"]);
        Assert.Null(body["replyToId"]);
    }

    [Fact]
    public async Task SendAsync_WithReplyToId_PostsToTheReplyUrl()
    {
        await using var host = await ConnectorTestHost.StartAsync();

        var result = await host.RunAsync(() => host.Messenger.SendAsync(host.Conversation("a:1p0i/x?y#z"), OutgoingMessage.FromText("re"), "1:abc=d"));

        Assert.True(result.Delivered);
        var request = Assert.Single(host.Connector.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/amer/v3/conversations/a%3A1p0i%2Fx%3Fy%23z/activities/1%3Aabc%3Dd", request.Target);
        Assert.Equal("1:abc=d", (string?)JsonNode.Parse(request.Body)!["replyToId"]);
    }

    [Fact]
    public async Task UpdateAsync_PutsTheWholeActivityToItsUrl()
    {
        await using var host = await ConnectorTestHost.StartAsync();
        host.Connector.Script("PUT", "/activities/", FakeResponse.Empty(200));
        var card = new JsonObject { ["type"] = "AdaptiveCard", ["version"] = "1.4" };

        var result = await host.RunAsync(() => host.Messenger.UpdateAsync(host.Conversation(ChannelId), "1776390257332", OutgoingMessage.FromCard(card)));

        Assert.Equal(DeliveryStatus.Delivered, result.Status);
        Assert.Equal("1776390257332", result.ActivityId);
        var request = Assert.Single(host.Connector.Requests);
        Assert.Equal("PUT", request.Method);
        Assert.Equal($"/amer/v3/conversations/{ChannelIdEscaped}/activities/1776390257332", request.Target);
        var body = JsonNode.Parse(request.Body)!;
        Assert.Equal("1776390257332", (string?)body["id"]);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)body["attachments"]![0]!["contentType"]);
    }

    [Theory]
    [InlineData(200, "")]
    [InlineData(201, "")]
    [InlineData(202, "")]
    [InlineData(200, "{}")]
    [InlineData(201, "not json")]
    public async Task SendAsync_SuccessWithoutId_IsDeliveredOnceWithoutRetry(int status, string body)
    {
        await using var host = await ConnectorTestHost.StartAsync();
        host.Connector.ScriptAlways("POST", "/activities", new FakeResponse(status, body.Length == 0 ? null : body));

        var result = await host.RunAsync(() => host.Messenger.SendAsync(host.Conversation(), OutgoingMessage.FromText("x")));

        Assert.Equal(DeliveryStatus.Delivered, result.Status);
        Assert.Null(result.ActivityId);
        Assert.Equal(status, result.HttpStatus);
        Assert.Single(host.Connector.Requests);
    }

    [Fact]
    public async Task CreatePersonalConversationAsync_SendsTenantBothWaysAndParsesFixture()
    {
        await using var host = await ConnectorTestHost.StartAsync();
        host.Connector.Script("POST", "/v3/conversations", FakeResponse.Json(201, TestData.Teams("api_createConversation_personal_response.json")));
        var expected = JsonNode.Parse(TestData.Teams("api_createConversation_personal_request.json"))!;
        var userId = (string)expected["members"]![0]!["id"]!;

        var created = await host.RunAsync(() => host.Messenger.CreatePersonalConversationAsync(host.Connector.ServiceUrl, ConnectorTestHost.TenantId, userId));

        Assert.NotNull(created);
        Assert.StartsWith("a:1p0iicaJlVi-_KIYKDDvLi4c2pMZMc8B0bPauUJq9pZ6IHPzMOrXbWS4g7Wktn1hwl8J3FecCj4cn33DInsp7AGj8mSSb23S5cQJTjU_CXlYs", created.ConversationId, StringComparison.Ordinal);
        Assert.Equal(host.Connector.ServiceUrl, created.ServiceUrl);
        Assert.Equal(ConversationScope.Personal, created.Scope);
        Assert.Equal(userId, created.UserId);
        Assert.Equal(ConnectorTestHost.TenantId, created.TenantId);
        var request = Assert.Single(host.Connector.Requests);
        Assert.Equal("/amer/v3/conversations", request.Target);
        var body = JsonNode.Parse(request.Body)!;
        Assert.False((bool)body["isGroup"]!);
        Assert.Equal(userId, (string?)Assert.Single(body["members"]!.AsArray())!["id"]);
        Assert.Equal((string?)expected["tenantId"], (string?)body["tenantId"]);
        Assert.Equal(ConnectorTestHost.TenantId, (string?)body["channelData"]!["tenant"]!["id"]);
    }

    [Fact]
    public async Task CreatePersonalConversationAsync_WhenRefused_ReturnsNullWithoutRetry()
    {
        await using var host = await ConnectorTestHost.StartAsync();
        host.Connector.ScriptAlways("POST", "/v3/conversations",
            FakeResponse.Error(403, "ForbiddenOperationException", "Bot isn't installed in user's personal scope"));

        var created = await host.RunAsync(() => host.Messenger.CreatePersonalConversationAsync(host.Connector.ServiceUrl, ConnectorTestHost.TenantId, "29:nobody"));

        Assert.Null(created);
        Assert.Single(host.Connector.Requests);
    }

    [Fact]
    public async Task CreateChannelThreadAsync_PostsIsGroupWithChannelAndActivity_AndParsesFixture()
    {
        await using var host = await ConnectorTestHost.StartAsync();
        host.Connector.Script("POST", "/v3/conversations", FakeResponse.Json(201, TestData.Teams("api_createConversation_channel_thread_response.json")));
        var channel = host.Conversation(ChannelId) with { Scope = ConversationScope.Channel, ChannelId = ChannelId, TeamId = ChannelId };

        var result = await host.RunAsync(() => host.Messenger.CreateChannelThreadAsync(channel, OutgoingMessage.FromText("[Diagnostic] channel thread")));

        Assert.Equal(DeliveryStatus.Delivered, result.Status);
        Assert.Equal(ChannelId + ";messageid=1776390257332", result.ConversationId);
        Assert.Equal("1776390257332", result.ActivityId);
        var request = Assert.Single(host.Connector.Requests);
        Assert.Equal("/amer/v3/conversations", request.Target);
        var body = JsonNode.Parse(request.Body)!;
        var expected = JsonNode.Parse(TestData.Teams("api_createConversation_channel_thread_request.json"))!;
        Assert.True((bool)body["isGroup"]!);
        Assert.Equal((string?)expected["channelData"]!["channel"]!["id"], (string?)body["channelData"]!["channel"]!["id"]);
        Assert.Equal((string?)expected["tenantId"], (string?)body["tenantId"]);
        Assert.Equal("message", (string?)body["activity"]!["type"]);
        Assert.Equal((string?)expected["activity"]!["text"], (string?)body["activity"]!["text"]);
        Assert.Null(body["members"]);
    }

    [Fact]
    public async Task CreateChannelThreadAsync_FromAThreadReference_UsesItsChannel()
    {
        await using var host = await ConnectorTestHost.StartAsync();
        var thread = host.Conversation(ChannelId + ";messageid=42") with { Scope = ConversationScope.Channel };

        var result = await host.RunAsync(() => host.Messenger.CreateChannelThreadAsync(thread, OutgoingMessage.FromText("new")));

        Assert.True(result.Delivered);
        Assert.StartsWith(ChannelId + ";messageid=", result.ConversationId, StringComparison.Ordinal);
        Assert.Equal(ChannelId, (string?)JsonNode.Parse(Assert.Single(host.Connector.Requests).Body)!["channelData"]!["channel"]!["id"]);
    }

    [Fact]
    public async Task CreateChannelThreadAsync_BadSyntax_IsFailedWithTheConnectorsReason()
    {
        await using var host = await ConnectorTestHost.StartAsync();
        host.Connector.ScriptAlways("POST", "/v3/conversations", FakeResponse.Json(400, TestData.Teams("api_error_400_badsyntax.json")));

        var result = await host.RunAsync(() => host.Messenger.CreateChannelThreadAsync(host.Conversation(ChannelId), OutgoingMessage.FromText("x")));

        Assert.Equal(DeliveryStatus.Failed, result.Status);
        Assert.Equal(400, result.HttpStatus);
        Assert.Equal("BadSyntax", result.ErrorCode);
        Assert.Equal("Incorrect conversation creation parameters", result.ErrorMessage);
        Assert.Null(result.ConversationId);
        Assert.Single(host.Connector.Requests);
    }

    [Fact]
    public async Task SendAsync_InvalidServiceUrl_FailsWithoutAnyRequest()
    {
        await using var host = await ConnectorTestHost.StartAsync();

        var result = await host.RunAsync(() => host.Messenger.SendAsync(host.Conversation() with { ServiceUrl = "not a url" }, OutgoingMessage.FromText("x")));

        Assert.Equal(DeliveryStatus.Failed, result.Status);
        Assert.Equal("InvalidServiceUrl", result.ErrorCode);
        Assert.Empty(host.Connector.Requests);
    }
}
