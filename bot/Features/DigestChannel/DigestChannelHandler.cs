using VocEdWeek.Bot.Handlers;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Identity;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Weeks;
using VocEdWeek.Bot.Words;

namespace VocEdWeek.Bot.Features.DigestChannel;

/// <summary>
/// The office's digest channel, for office staff only (the startup notice and every digest go there, with the
/// missing liaisons' names): "@bot 设为通知频道" in a team channel binds it, "通知频道" shows which one, who bound it and
/// when, "恢复通知频道" moves it back to the one before. Every change is logged with who, when, old and new.
/// </summary>
public sealed partial class DigestChannelHandler(
    ISettingsStore settings, WeekCatalog weeks, IdentityResolver identity, DigestChannelStatus status, ILogger<DigestChannelHandler> log) : ICommandHandler
{
    public const string SettingKey = "digestChannel";

    private static readonly string[] SetWords = ["设为通知频道", "设置通知频道", "设为汇总频道", "set digest channel", "set channel", "use this channel"];
    private static readonly string[] ShowWords = ["通知频道", "查看通知频道", "通知频道是哪个", "digest channel", "show digest channel", "which digest channel"];
    private static readonly string[] RestoreWords = ["恢复通知频道", "还原通知频道", "恢复上一个通知频道", "restore digest channel", "undo digest channel"];

    public Access Access => Access.Staff;

    public bool Matches(CommandText text, TurnContext turn) => text.IsOneOf([.. SetWords, .. ShowWords, .. RestoreWords]);

    public async Task HandleAsync(TurnContext turn, CommandText text, CancellationToken ct)
    {
        var t = Strings.For(turn.Culture);
        if (text.IsOneOf(ShowWords))
        {
            await turn.ReplyAsync(status.Describe(turn, t), ct);
            return;
        }
        // Changed only by the office of the week being run (the gate also lets the latest week's office in between weeks).
        if (weeks.Active is not { } week)
        {
            await turn.ReplyAsync(t["channel_no_week"], ct);
            return;
        }
        var restore = text.IsOneOf(RestoreWords);
        string target;
        if (restore)
        {
            if (settings.Find(SettingKey)?.Previous is not { } previous)
            {
                await turn.ReplyAsync(t["channel_nothing_to_restore"], ct);
                return;
            }
            target = previous.Value ?? "";
        }
        else if (turn.Conversation.Scope != ConversationScope.Channel || turn.Conversation.ChannelId is not { } channel)
        {
            await turn.ReplyAsync(t["channel_only_in_team"], ct);
            return;
        }
        else
        {
            target = channel;
        }

        var name = (await identity.ResolveAsync(turn, week, ct))?.Person.Name ?? turn.User.Name;
        var by = turn.User.AadObjectId ?? turn.User.Id;
        var was = settings.Get(SettingKey);
        settings.Set(SettingKey, target, by, turn.ReceivedAt, name);
        LogChanged(log, restore ? "restored" : "bound", was ?? "(none)", target.Length > 0 ? target : "(none)", by, turn.ReceivedAt);
        await turn.ReplyAsync(restore ? status.Restored(turn, t) : status.Bound(was, t), ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest channel {Change}: {Previous} -> {Channel} by {By} at {At:O}")]
    private static partial void LogChanged(ILogger logger, string change, string previous, string channel, string by, DateTimeOffset at);
}
