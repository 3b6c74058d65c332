using System.Text.Json;
using VocEdWeek.Bot.Handlers;
using VocEdWeek.Bot.Cards;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Recommendations;
using VocEdWeek.Bot.Weeks;
using VocEdWeek.Bot.Words;

namespace VocEdWeek.Bot.Features.Exports;

/// <summary>
/// "导出统计表" / "export all" from office staff: builds the files (in the background, so the turn answers in time; a
/// progress line first when it takes a moment), then one card with a link per file. Office staff only (the access gate
/// refuses liaisons and strangers before anything is built). Also the card's "send to chat" button, which starts the file consent flow.
/// Listed in Routes before the office questions and the forms: "导出总结" is an export, not the summary form.
/// </summary>
public sealed partial class ExportHandler(
    WeekCatalog weeks,
    AccessGate gate,
    ExportService exports,
    IExportStore store,
    IPickStore picks,
    ExportCard card,
    ExportJobs jobs,
    TimeProvider time,
    ILogger<ExportHandler> logger) : ICommandHandler, ICardActionHandler
{
    /// <summary>A build quicker than this just answers with the card; a slower one says "正在生成…" first.</summary>
    public static readonly TimeSpan ProgressAfter = TimeSpan.FromSeconds(1.5);

    public IEnumerable<string> Verbs => [ExportCard.SendVerb];

    public Access Access => Access.Staff;

    public bool Matches(CommandText text, TurnContext turn) => Parse(text) is not null;

    public async Task HandleAsync(TurnContext turn, CommandText text, CancellationToken ct)
    {
        if (Parse(text) is not { } request) return;
        var t = Strings.For(turn.Culture);
        // The access gate let only staff through (between weeks, the latest week's office, which still exports the past
        // ones); the member is the export's "made by".
        if (gate.Admitted(turn) is not { } staff) return;
        if (!request.Understood)
        {
            var help = t["export_help"];
            if (request.Rest.Length > 0) help = t.Format("export_help_unknown", PlainText.Escape(request.Rest)) + "\n\n" + help;
            await turn.ReplyAsync(help, ct);
            return;
        }
        if (WeekOf(request) is not { } week)
        {
            var named = request.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? request.WeekId ?? "";
            var known = string.Join(t["list_separator"], weeks.All.OrderByDescending(w => w.Definition.Start).Select(w => w.Definition.Title));
            await turn.ReplyAsync(t.Format("export_week_not_found", named, known), ct);
            return;
        }

        if (request.Kinds.Any(ExportKinds.IsRecommendation) && !picks.Active(week.Definition.Id).Any(p => p.Source == PickSource.Office))
        {
            // An empty package passed upward would look like a finished job; say how to pick instead.
            await turn.ReplyAsync(t["recommend_export_nothing_picked"], ct);
            return;
        }

        var who = new Requester(staff.Person.Name is { Length: > 0 } n ? n : turn.User.Name ?? "", turn.User.Id, turn.User.AadObjectId);
        var built = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var progressDecided = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var job = jobs.Run(jobCt => BuildAndAnswerAsync(turn, week, request.Kinds, who, t, built, progressDecided.Task, jobCt));
        try
        {
            using var delay = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var finished = await Task.WhenAny(built.Task, job, Task.Delay(ProgressAfter, time, delay.Token));
            await delay.CancelAsync();
            if (finished != built.Task && finished != job)
            {
                var working = request.Kinds.Count == 1
                    ? t.Format("export_working", ExportFormat.Title(request.Kinds[0], t))
                    : t.Format("export_working_many", request.Kinds.Count);
                await turn.ReplyAsync(working, ct);
            }
        }
        finally
        {
            // The card waits for this, so "正在生成…" never arrives after it.
            progressDecided.TrySetResult();
        }
    }

    /// <summary>"发送到聊天": sends a file consent card for the export (personal chat only).</summary>
    public async Task HandleAsync(TurnContext turn, CancellationToken ct)
    {
        var t = Strings.For(turn.Culture);
        if (gate.Admitted(turn) is null) return;
        var record = store.Find(ExportId(turn.Value));
        if (record is null)
        {
            await Reply.TextAsync(turn, t["export_consent_gone"], ct);
            return;
        }
        if (turn.Conversation.Scope != ConversationScope.Personal)
        {
            await Reply.TextAsync(turn, t["export_consent_personal_only"], ct);
            return;
        }
        var context = new Dictionary<string, string> { [FileConsentHandler.ContextKey] = record.Id };
        var request = new FileConsentRequest(record.FileName,
            t.Format("export_consent_description", ExportFormat.Title(record.Kind, t), record.WeekTitle), record.Size, context, context);
        await turn.Messenger.SendAsync(turn.Conversation, OutgoingMessage.FromFile(request), null, ct);
        // Action.Execute: a toast, and the export card stays as it is; Action.Submit: the consent card says enough.
        if (turn.Kind == TurnKind.CardAction) turn.InvokeResult = InvokeResult.Message(t["export_consent_prompt"]);
    }

    private async Task BuildAndAnswerAsync(TurnContext turn, ActiveWeek week, IReadOnlyList<ExportKind> kinds, Requester who, Strings t,
        TaskCompletionSource built, Task progressDecided, CancellationToken ct)
    {
        var records = new List<ExportRecord>();
        var failed = new List<string>();
        foreach (var kind in kinds)
        {
            if (!exports.CanWrite(kind))
            {
                failed.Add(t.Format("export_not_available", ExportFormat.Title(kind, t)));
                continue;
            }
            try
            {
                records.Add(await exports.ExportAsync(week, kind, who, t, ct));
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                failed.Add(t.Format("export_failed", ExportFormat.Title(kind, t)));
                LogBuildFailed(logger, ex, kind, week.Definition.Id);
            }
        }
        built.TrySetResult();
        await progressDecided;
        if (records.Count == 0)
        {
            await turn.Messenger.SendAsync(turn.Conversation, OutgoingMessage.FromText(string.Join("\n\n", failed)), turn.ActivityId, ct);
            return;
        }
        var personal = turn.Conversation.Scope == ConversationScope.Personal;
        var rendered = card.Render(week, records, failed, personal, t);
        var summary = t.Format("export_card_summary", string.Join(t["list_separator"], records.Select(r => ExportFormat.Title(r.Kind, t))));
        await turn.Messenger.SendAsync(turn.Conversation, OutgoingMessage.FromCard(rendered, summary), turn.ActivityId, ct);
    }

    /// <summary>The named week (id/title, or the only week of a year), else the active one (else the latest).</summary>
    private ActiveWeek? WeekOf(ExportRequest request)
    {
        if (request.WeekId is { } id) return weeks.Find(id);
        if (request.Year is { } year)
        {
            return weeks.All.Where(w => w.Definition.Start.Year == year || w.Definition.Id.StartsWith(year.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))
                .OrderByDescending(w => w.Definition.Start).FirstOrDefault();
        }
        return weeks.Active ?? weeks.All.OrderByDescending(w => w.Definition.Start).FirstOrDefault();
    }

    private ExportRequest? Parse(CommandText text) =>
        ExportCommandParser.Parse(text.Original, weeks.All.Select(w => (w.Definition.Id, w.Definition.Title)).ToList());

    private static string? ExportId(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.Object } v && v.TryGetProperty("exportId", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;

    [LoggerMessage(Level = LogLevel.Error, Message = "Export {Kind} of week {WeekId} failed")]
    private static partial void LogBuildFailed(ILogger logger, Exception ex, ExportKind kind, string weekId);
}
