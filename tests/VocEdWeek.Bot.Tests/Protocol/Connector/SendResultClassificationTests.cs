using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Protocol.Connector;

/// <summary>Connector failures that must not be retried, and how each becomes a <see cref="SendResult"/>.</summary>
public sealed class SendResultClassificationTests
{
    [Theory]
    [InlineData("BotNotInConversationRoster")]
    [InlineData("ConversationBlockedByUser")]
    [InlineData("ForbiddenOperationException")]
    [InlineData("BotDisabledByAdmin")]
    public async Task Forbidden_RecipientGoneCodes_AreRecipientGoneAfterOneRequest(string code)
    {
        await using var host = await ConnectorTestHost.StartAsync();
        host.Connector.ScriptAlways("POST", "/activities", FakeResponse.Error(403, code, "The bot is not part of the conversation roster."));

        var result = await host.RunAsync(() => host.Messenger.SendAsync(host.Conversation(), OutgoingMessage.FromText("x")));

        Assert.Equal(DeliveryStatus.RecipientGone, result.Status);
        Assert.Equal(403, result.HttpStatus);
        Assert.Equal(code, result.ErrorCode);
        Assert.Equal("The bot is not part of the conversation roster.", result.ErrorMessage);
        Assert.Single(host.Connector.Requests);
    }

    [Fact]
    public async Task Forbidden_MessageWritesBlocked_IsRecipientGone()
    {
        await using var host = await ConnectorTestHost.StartAsync();
        host.Connector.ScriptAlways("POST", "/activities", FakeResponse.Json(403, TestData.Teams("api_error_403_messagewritesblocked_docs.json")));

        var result = await host.RunAsync(() => host.Messenger.SendAsync(host.Conversation(), OutgoingMessage.FromText("x")));

        Assert.Equal(DeliveryStatus.RecipientGone, result.Status);
        Assert.Equal("MessageWritesBlocked", result.ErrorCode);
        Assert.Equal("Thread is blocked from message writes.", result.ErrorMessage);
        Assert.Single(host.Connector.Requests);
    }

    [Fact]
    public async Task Forbidden_OtherCode_IsFailedAfterOneRequest()
    {
        await using var host = await ConnectorTestHost.StartAsync();
        host.Connector.ScriptAlways("POST", "/activities", FakeResponse.Error(403, "NotEnoughPermissions", "Bot does not have the permission."));

        var result = await host.RunAsync(() => host.Messenger.SendAsync(host.Conversation(), OutgoingMessage.FromText("x")));

        Assert.Equal(DeliveryStatus.Failed, result.Status);
        Assert.Equal("NotEnoughPermissions", result.ErrorCode);
        Assert.Single(host.Connector.Requests);
    }

    [Fact]
    public async Task NotFound_ConversationGone_IsRecipientGoneAfterOneRequest()
    {
        await using var host = await ConnectorTestHost.StartAsync();
        host.Connector.ScriptAlways("POST", "/activities", FakeResponse.Error(404, "ConversationNotFound", "Conversation not found."));

        var result = await host.RunAsync(() => host.Messenger.SendAsync(host.Conversation(), OutgoingMessage.FromText("x")));

        Assert.Equal(DeliveryStatus.RecipientGone, result.Status);
        Assert.Equal(404, result.HttpStatus);
        Assert.Equal("ConversationNotFound", result.ErrorCode);
        Assert.Single(host.Connector.Requests);
    }

    [Fact]
    public async Task NotFound_UpdatedMessageDeleted_IsFailedNotRecipientGone()
    {
        await using var host = await ConnectorTestHost.StartAsync();
        host.Connector.ScriptAlways("PUT", "/activities/", FakeResponse.Error(404, "ActivityNotFoundInConversation", "Unknown activity."));

        var result = await host.RunAsync(() => host.Messenger.UpdateAsync(host.Conversation(), "99", OutgoingMessage.FromText("x")));

        Assert.Equal(DeliveryStatus.Failed, result.Status);
        Assert.Equal("ActivityNotFoundInConversation", result.ErrorCode);
        Assert.Single(host.Connector.Requests);
    }

    [Theory]
    [InlineData(400, "BadArgument")]
    [InlineData(401, "BotNotRegistered")]
    [InlineData(413, "MessageSizeTooBig")]
    [InlineData(500, "ServiceError")]
    public async Task NonTransientError_IsFailedAfterOneRequest(int status, string code)
    {
        await using var host = await ConnectorTestHost.StartAsync();
        host.Connector.ScriptAlways("POST", "/activities", FakeResponse.Error(status, code, "scripted failure"));

        var result = await host.RunAsync(() => host.Messenger.SendAsync(host.Conversation(), OutgoingMessage.FromText("x"), "1"));

        Assert.Equal(DeliveryStatus.Failed, result.Status);
        Assert.Equal(status, result.HttpStatus);
        Assert.Equal(code, result.ErrorCode);
        Assert.Equal("scripted failure", result.ErrorMessage);
        Assert.Single(host.Connector.Requests);
    }
}
