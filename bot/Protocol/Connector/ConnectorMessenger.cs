using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using VocEdWeek.Bot.Conversation;

namespace VocEdWeek.Bot.Protocol.Connector;

/// <summary>
/// <see cref="IMessenger"/> over the Bot Connector REST API, always against the conversation's own
/// serviceUrl. Sends never throw for HTTP failures: the outcome is classified into a <see cref="SendResult"/>.
/// </summary>
public sealed class ConnectorMessenger(ConnectorClient client, ILogger<ConnectorMessenger> logger) : IMessenger
{
    private const int MaxPageSize = 500;

    public async Task<SendResult> SendAsync(ConversationRef conversation, OutgoingMessage message, string? replyToId = null, CancellationToken ct = default)
    {
        var reply = !string.IsNullOrEmpty(replyToId);
        var operation = reply ? "reply" : "send";
        if (!ConnectorPaths.IsValidServiceUrl(conversation.ServiceUrl)) return InvalidServiceUrl(operation);
        var uri = reply
            ? ConnectorPaths.Activity(conversation.ServiceUrl, conversation.ConversationId, replyToId!)
            : ConnectorPaths.Activities(conversation.ServiceUrl, conversation.ConversationId);
        var activity = OutgoingActivity.Build(conversation, message, reply ? replyToId : null);
        var response = await client.SendAsync(Write(operation, HttpMethod.Post, uri, activity, conversation) with { NotAfter = message.NotAfter }, ct);
        return SendResultClassifier.Classify(response);
    }

    public async Task<SendResult> UpdateAsync(ConversationRef conversation, string activityId, OutgoingMessage message, CancellationToken ct = default)
    {
        if (!ConnectorPaths.IsValidServiceUrl(conversation.ServiceUrl)) return InvalidServiceUrl("update");
        var activity = OutgoingActivity.Build(conversation, message, null);
        activity.Id = activityId;
        var uri = ConnectorPaths.Activity(conversation.ServiceUrl, conversation.ConversationId, activityId);
        var response = await client.SendAsync(Write("update", HttpMethod.Put, uri, activity, conversation) with { NotAfter = message.NotAfter }, ct);
        var result = SendResultClassifier.Classify(response);
        // An update answers with the same id or none at all.
        return result.Delivered ? result with { ActivityId = result.ActivityId ?? activityId } : result;
    }

    public async Task<ConversationRef?> CreatePersonalConversationAsync(string serviceUrl, string tenantId, string userId, CancellationToken ct = default)
    {
        if (!ConnectorPaths.IsValidServiceUrl(serviceUrl))
        {
            InvalidServiceUrl("createConversation");
            return null;
        }
        var body = JsonSerializer.SerializeToUtf8Bytes(ConversationRequests.Personal(tenantId, userId), WireJson.Options);
        var request = new ConnectorRequest("createConversation", HttpMethod.Post, ConnectorPaths.Conversations(serviceUrl), body, "user:" + userId, tenantId);
        var response = await client.SendAsync(request, ct);
        var id = response.IsSuccess ? SendResultClassifier.IdOf(response.Body) : null;
        if (id is null) return null;
        var isObjectId = Guid.TryParse(userId, out _);
        return new ConversationRef(
            SendResultClassifier.StringProperty(response.Body, "serviceUrl") ?? serviceUrl,
            id, tenantId, null, null, ConversationScope.Personal,
            UserId: isObjectId ? null : userId,
            UserAadObjectId: isObjectId ? userId : null);
    }

    public async Task<SendResult> CreateChannelThreadAsync(ConversationRef channel, OutgoingMessage message, CancellationToken ct = default)
    {
        if (!ConnectorPaths.IsValidServiceUrl(channel.ServiceUrl)) return InvalidServiceUrl("createThread");
        var channelId = channel.ChannelId is { Length: > 0 } id ? id : ConnectorPaths.ThreadKey(channel.ConversationId);
        var activity = OutgoingActivity.Build(channel with { ConversationId = channelId }, message, null);
        activity.Conversation = null;
        var body = JsonSerializer.SerializeToUtf8Bytes(ConversationRequests.ChannelThread(channelId, channel.TenantId, activity), WireJson.Options);
        var request = new ConnectorRequest("createThread", HttpMethod.Post, ConnectorPaths.Conversations(channel.ServiceUrl), body, channelId, channel.TenantId);
        var response = await client.SendAsync(request, ct);
        var result = SendResultClassifier.Classify(response);
        if (!result.Delivered) return result;
        var activityId = SendResultClassifier.StringProperty(response.Body, "activityId");
        var threadId = SendResultClassifier.IdOf(response.Body) ?? (activityId is null ? null : $"{channelId};messageid={activityId}");
        return result with { ActivityId = activityId ?? MessageIdOf(threadId), ConversationId = threadId };
    }

    public async Task<MemberInfo?> GetMemberAsync(ConversationRef conversation, string userId, CancellationToken ct = default)
    {
        if (!ConnectorPaths.IsValidServiceUrl(conversation.ServiceUrl))
        {
            InvalidServiceUrl("getMember");
            return null;
        }
        var uri = ConnectorPaths.Member(conversation.ServiceUrl, conversation.ConversationId, userId);
        var response = await client.SendAsync(new ConnectorRequest("getMember", HttpMethod.Get, uri, null, null, conversation.TenantId), ct);
        return response.IsSuccess ? ToMember(Read<ChannelAccount>(response.Body)) : null;
    }

    public async IAsyncEnumerable<MemberInfo> GetMembersAsync(ConversationRef conversation, int pageSize = 100, [EnumeratorCancellation] CancellationToken ct = default)
    {
        if (!ConnectorPaths.IsValidServiceUrl(conversation.ServiceUrl))
            throw new HttpRequestException($"Cannot list members: invalid serviceUrl '{conversation.ServiceUrl}'.");
        var size = Math.Clamp(pageSize, 1, MaxPageSize);
        string? token = null;
        do
        {
            var uri = ConnectorPaths.PagedMembers(conversation.ServiceUrl, conversation.ConversationId, size, token);
            var response = await client.SendAsync(new ConnectorRequest("getPagedMembers", HttpMethod.Get, uri, null, null, conversation.TenantId), ct);
            if (!response.IsSuccess)
            {
                throw new HttpRequestException(
                    $"GET pagedmembers failed: {response.Status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? response.Failure} {response.Error.Code}",
                    null,
                    response.Status is { } status ? (HttpStatusCode)status : null);
            }
            var page = Read<PagedMembersResponse>(response.Body);
            foreach (var member in page?.Members ?? [])
            {
                if (ToMember(member) is { } info) yield return info;
            }
            var next = page?.ContinuationToken;
            token = string.IsNullOrEmpty(next) || next == token ? null : next;
        }
        while (token is not null);
    }

    private static ConnectorRequest Write(string operation, HttpMethod method, Uri uri, Activity activity, ConversationRef conversation) =>
        new(operation, method, uri, JsonSerializer.SerializeToUtf8Bytes(activity, WireJson.Options),
            ConnectorPaths.ThreadKey(conversation.ConversationId), conversation.TenantId);

    private SendResult InvalidServiceUrl(string operation)
    {
        ConnectorLog.InvalidServiceUrl(logger, operation);
        return new SendResult(DeliveryStatus.Failed, null, null, "InvalidServiceUrl", "The conversation has no usable serviceUrl.");
    }

    private static string? MessageIdOf(string? threadId)
    {
        var at = threadId?.LastIndexOf(";messageid=", StringComparison.OrdinalIgnoreCase) ?? -1;
        return at < 0 ? null : threadId![(at + ";messageid=".Length)..];
    }

    private static T? Read<T>(string body) where T : class
    {
        try
        {
            return string.IsNullOrWhiteSpace(body) ? null : JsonSerializer.Deserialize<T>(body, WireJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static MemberInfo? ToMember(ChannelAccount? m)
    {
        if (m?.Id is null) return null;
        var objectId = m.AadObjectId
            ?? (m.Extra?.TryGetValue("objectId", out var o) == true && o.ValueKind == JsonValueKind.String ? o.GetString() : null);
        var name = m.Name ?? (string.Join(' ', new[] { m.GivenName, m.Surname }.Where(s => !string.IsNullOrEmpty(s))) is { Length: > 0 } n ? n : null);
        return new MemberInfo(m.Id, objectId, name, m.Email, m.UserPrincipalName);
    }
}
