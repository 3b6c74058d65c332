using System.Text.Json;
using VocEdWeek.Bot.Conversation;

namespace VocEdWeek.Bot.Protocol;

/// <summary>Translates a wire activity into the app's <see cref="TurnContext"/>. Nothing past here sees wire types.</summary>
public static class ActivityMapper
{
    public static TurnContext ToTurn(Activity activity, IMessenger messenger, DateTimeOffset receivedAt, bool authenticated = false, DateTimeOffset? replyBy = null)
    {
        var kind = KindOf(activity);
        var (verb, value) = ActionOf(activity, kind);
        return new TurnContext(messenger)
        {
            Kind = kind,
            Authenticated = authenticated,
            Conversation = ReferenceOf(activity),
            User = new UserRef(activity.From?.Id ?? "", activity.From?.AadObjectId, activity.From?.Name),
            Culture = ActivityLocale.Resolve(activity),
            ReceivedAt = receivedAt,
            ReplyBy = replyBy,
            Text = activity.Type == ActivityTypes.Message ? ActivityText.Clean(activity) : "",
            Value = value,
            Verb = verb,
            InvokeName = activity.Type == ActivityTypes.Invoke ? activity.Name : null,
            ReplyToId = activity.ReplyToId,
            ActivityId = activity.Id,
            Files = activity.Type == ActivityTypes.Message ? IncomingFiles.From(activity) : [],
            FileConsent = kind == TurnKind.FileConsent ? FileConsentValue.From(activity.Value) : null,
            Mentions = OtherMentions(activity),
        };
    }

    public static ConversationRef ReferenceOf(Activity activity)
    {
        var data = activity.ChannelData;
        var scope = activity.Conversation?.ConversationType?.ToLowerInvariant() switch
        {
            "channel" => ConversationScope.Channel,
            "groupchat" => ConversationScope.GroupChat,
            "personal" => ConversationScope.Personal,
            _ when data?.Team?.Id is not null => ConversationScope.Channel,
            _ when activity.Conversation?.IsGroup == true => ConversationScope.GroupChat,
            _ => ConversationScope.Personal,
        };
        var channelId = data?.Settings?.SelectedChannel?.Id ?? data?.Channel?.Id;
        if (channelId is null && scope == ConversationScope.Channel && activity.Conversation?.Id is { } cid)
        {
            channelId = cid.Split(";messageid=", 2)[0];
        }
        return new ConversationRef(
            ServiceUrl: activity.ServiceUrl ?? "",
            ConversationId: activity.Conversation?.Id ?? "",
            TenantId: activity.Conversation?.TenantId ?? data?.Tenant?.Id,
            BotId: activity.Recipient?.Id,
            BotName: activity.Recipient?.Name,
            Scope: scope,
            UserId: scope == ConversationScope.Personal ? activity.From?.Id : null,
            UserAadObjectId: scope == ConversationScope.Personal ? activity.From?.AadObjectId : null,
            TeamId: data?.Team?.Id,
            ChannelId: scope == ConversationScope.Channel ? channelId : null);
    }

    private static TurnKind KindOf(Activity activity)
    {
        var botId = activity.Recipient?.Id;
        bool IsBot(ChannelAccount a) => botId is not null && string.Equals(a.Id, botId, StringComparison.OrdinalIgnoreCase);
        return activity.Type switch
        {
            ActivityTypes.Message when string.IsNullOrWhiteSpace(activity.Text) && activity.Value is { ValueKind: JsonValueKind.Object }
                => TurnKind.CardSubmit,
            ActivityTypes.Message => TurnKind.Message,
            ActivityTypes.Invoke when activity.Name == InvokeNames.AdaptiveCardAction => TurnKind.CardAction,
            ActivityTypes.Invoke when activity.Name == InvokeNames.FileConsent => TurnKind.FileConsent,
            ActivityTypes.Invoke => TurnKind.Invoke,
            ActivityTypes.InstallationUpdate when activity.Action == "add" => TurnKind.BotInstalled,
            ActivityTypes.InstallationUpdate when activity.Action == "remove" => TurnKind.BotUninstalled,
            ActivityTypes.ConversationUpdate when activity.MembersAdded?.Any(IsBot) == true => TurnKind.BotInstalled,
            ActivityTypes.ConversationUpdate when activity.MembersRemoved?.Any(IsBot) == true => TurnKind.BotUninstalled,
            _ => TurnKind.Other,
        };
    }

    private static (string? Verb, JsonElement? Value) ActionOf(Activity activity, TurnKind kind)
    {
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value) return (null, activity.Value);
        if (kind == TurnKind.CardAction && value.TryGetProperty("action", out var action) && action.ValueKind == JsonValueKind.Object)
        {
            var verb = action.TryGetProperty("verb", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            JsonElement? data = action.TryGetProperty("data", out var d) ? d : null;
            return (verb, data);
        }
        var submitVerb = value.TryGetProperty("verb", out var sv) && sv.ValueKind == JsonValueKind.String ? sv.GetString() : null;
        return (submitVerb, value);
    }

    private static IReadOnlyList<UserRef> OtherMentions(Activity activity)
    {
        var botId = activity.Recipient?.Id;
        return (activity.Entities ?? [])
            .Where(e => string.Equals(e.Type, "mention", StringComparison.OrdinalIgnoreCase) && e.Mentioned?.Id is not null)
            .Where(e => !string.Equals(e.Mentioned!.Id, botId, StringComparison.OrdinalIgnoreCase))
            .Select(e => new UserRef(e.Mentioned!.Id!, e.Mentioned.AadObjectId, e.Mentioned.Name))
            .ToList();
    }
}
