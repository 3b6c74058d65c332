using VocEdWeek.Bot.Handlers;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Storage;

namespace VocEdWeek.Bot.App;

/// <summary>
/// Around every turn: when the disk is full, the user is told so in their language ("服务器存储空间不足…") instead of a
/// generic error. Nothing is acknowledged: stores write before any receipt is made, so a failed write means no receipt.
/// One warning is logged, without a stack trace: the cause is known and the office has to act on it, not a developer.
/// </summary>
public sealed partial class StorageFullGuard(TurnRouter router, ILogger<StorageFullGuard> log) : ITurnHandler
{
    public async Task OnTurnAsync(TurnContext turn, CancellationToken ct)
    {
        try
        {
            await router.OnTurnAsync(turn, ct);
        }
        catch (Exception ex) when (StorageFull.Is(ex))
        {
            LogFull(log, turn.Kind, ex.Message);
            var text = Strings.For(turn.Culture)["storage_full"];
            if (turn.Kind == TurnKind.CardAction)
            {
                turn.InvokeResult = InvokeResult.Message(text);
                return;
            }
            if (turn.Kind is TurnKind.Message or TurnKind.CardSubmit) await turn.ReplyAsync(text, ct);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage is full; a {Kind} turn was answered with the storage-full message: {Reason}")]
    private static partial void LogFull(ILogger logger, TurnKind kind, string reason);
}
