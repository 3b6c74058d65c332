using VocEdWeek.Bot.Handlers;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Files.Publishing;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Weeks;
using VocEdWeek.Bot.Words;

namespace VocEdWeek.Bot.Features.FileStatus;

/// <summary>
/// "文件状态" / "upload status" (and the card buttons): for office staff, what is still waiting for
/// SharePoint and why; "重试上传" puts refused files back in the queue.
/// </summary>
public sealed class FileStatusHandler(WeekCatalog weeks, FileStatusCard card, RemoteUploadWorker uploads, TimeProvider time)
    : ICommandHandler, ICardActionHandler
{
    public const string ShowVerb = "files.status";
    public const string RetryVerb = "files.retry";

    public IEnumerable<string> Verbs => [ShowVerb, RetryVerb];

    public Access Access => Access.Staff;

    public bool Matches(CommandText text, TurnContext turn) =>
        text.IsOneOf("文件状态", "上传状态", "上传队列", "素材状态", "文件上传状态", "查看文件状态", "重试上传", "重新上传",
            "file status", "files status", "upload status", "upload queue", "retry uploads", "retry upload");

    public Task HandleAsync(TurnContext turn, CommandText text, CancellationToken ct) =>
        RespondAsync(turn, retry: text.IsOneOf("重试上传", "重新上传", "retry uploads", "retry upload"), ct);

    public Task HandleAsync(TurnContext turn, CancellationToken ct) => RespondAsync(turn, turn.Verb == RetryVerb, ct);

    private async Task RespondAsync(TurnContext turn, bool retry, CancellationToken ct)
    {
        var t = Strings.For(turn.Culture);
        if (weeks.Active is not { } week)
        {
            await Reply.TextAsync(turn, t["office_no_week"], ct);
            return;
        }
        if (retry)
        {
            var count = uploads.RetryFailed();
            if (turn.Kind != TurnKind.CardAction) await turn.ReplyAsync(t.Format("filestatus_retrying", count), ct);
        }
        var rendered = card.Render(week, time.GetUtcNow(), t);
        if (turn.Kind == TurnKind.CardAction) turn.InvokeResult = InvokeResult.Card(rendered);
        else await turn.ReplyAsync(OutgoingMessage.FromCard(rendered, t["filestatus_title"]), ct);
    }

}
