using VocEdWeek.Bot.App;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Storage;

namespace VocEdWeek.Bot.Features.DigestChannel;

/// <summary>"@bot 设为通知频道" in a team channel: digests and notices go to that channel from now on.</summary>
public sealed class DigestChannelHandler(SettingsStore settings) : ICommandHandler
{
    public const string SettingKey = "digestChannel";

    public bool Matches(CommandText text, TurnContext turn) =>
        text.IsOneOf("设为通知频道", "设置通知频道", "设为汇总频道", "通知频道", "set digest channel", "set channel", "use this channel", "digest channel");

    public Task HandleAsync(TurnContext turn, CommandText text, CancellationToken ct)
    {
        var t = Strings.For(turn.Culture);
        if (turn.Conversation.Scope != ConversationScope.Channel || turn.Conversation.ChannelId is null)
        {
            return turn.ReplyAsync(t["channel_only_in_team"], ct);
        }
        settings.Set(SettingKey, turn.Conversation.ChannelId, turn.User.AadObjectId ?? turn.User.Id, turn.ReceivedAt);
        return turn.ReplyAsync(t["channel_set"], ct);
    }
}
