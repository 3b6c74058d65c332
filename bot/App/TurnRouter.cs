using VocEdWeek.Bot.Handlers;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Features.Exports;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Features.Help;
using VocEdWeek.Bot.Features.Welcome;
using VocEdWeek.Bot.Operations.Metrics;
using VocEdWeek.Bot.Words;

namespace VocEdWeek.Bot.App;

/// <summary>
/// Every turn: refresh the stored reference, then route by kind, command or card verb (<see cref="Routes"/>) — through the
/// access gate.
/// </summary>
public sealed class TurnRouter : ITurnHandler
{
    private readonly IConversationStore _conversations;
    private readonly InstallHandler _install;
    private readonly HelpHandler _help;
    private readonly FileIntakeHandler _files;
    private readonly FileConsentHandler _consent;
    private readonly AccessGate _gate;
    private readonly RouteTable _routes;
    private readonly BotMetrics _metrics;
    private readonly TurnBacklog _backlog;
    private readonly TimeProvider _time;

    public TurnRouter(IConversationStore conversations, InstallHandler install, HelpHandler help, FileIntakeHandler files,
        FileConsentHandler consent, AccessGate gate, RouteTable routes, BotMetrics metrics, TurnBacklog backlog, TimeProvider time)
    {
        _backlog = backlog;
        _gate = gate;
        _metrics = metrics;
        _time = time;
        _conversations = conversations;
        _install = install;
        _help = help;
        _files = files;
        _consent = consent;
        _routes = routes;
    }

    public async Task OnTurnAsync(TurnContext turn, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(turn.Conversation.ConversationId) || string.IsNullOrEmpty(turn.Conversation.ServiceUrl)) return;
        // Measured here, not in Protocol/: the app's own time per kind, whatever carries the turns in.
        var started = _time.GetTimestamp();
        var failed = true;
        // How late the turn starts, and how many run: a queue in front of the app is otherwise silent.
        _backlog.Started(turn);
        try
        {
            await RouteAsync(turn, ct);
            failed = false;
        }
        finally
        {
            _backlog.Ended();
            _metrics.Turn(turn.Kind, _time.GetElapsedTime(started), failed);
        }
    }

    private async Task RouteAsync(TurnContext turn, CancellationToken ct)
    {
        // The reply need not wait for a 1:1 chat's reference to reach the disk (ConversationRefresh.MayWriteBehind).
        var record = await _conversations.TouchBehindAsync(turn);
        switch (turn.Kind)
        {
            case TurnKind.BotInstalled:
                await _install.OnInstalledAsync(turn, record, ct);
                break;
            case TurnKind.BotUninstalled:
                _install.OnUninstalled(turn, record);
                break;
            case TurnKind.Message:
                await OnMessageAsync(turn, ct);
                break;
            case TurnKind.CardAction or TurnKind.CardSubmit:
                await OnCardActionAsync(turn, ct);
                break;
            case TurnKind.FileConsent:
                await _consent.HandleAsync(turn, ct);
                break;
        }
    }

    private async Task OnMessageAsync(TurnContext turn, CancellationToken ct)
    {
        var text = CommandText.From(turn.Text);
        if (turn.Files.Count > 0)
        {
            // Words that ask for the files ("导入名单" with a sheet) decide; any other files are liaisons' material.
            if (_routes.Commands.OfType<IFileCommand>().FirstOrDefault(c => c.Matches(text, turn)) is { } command)
            {
                await RunAsync(command, turn, text, ct);
                return;
            }
            await _files.HandleAsync(turn, ct);
            return;
        }
        foreach (var command in _routes.Commands)
        {
            if (command.Matches(text, turn))
            {
                await RunAsync(command, turn, text, ct);
                return;
            }
        }
        if (text.Folded.Length == 0) return;
        await _help.SendUnknownAsync(turn, text.Original, ct);
    }

    private async Task RunAsync(ICommandHandler command, TurnContext turn, CommandText text, CancellationToken ct)
    {
        if (command is not IPassingCommand passing)
        {
            await _gate.CommandAsync(command, turn, text, ct);
            return;
        }
        if (await _gate.AllowAsync(turn, passing.Access, ct)) await passing.HandleAsync(turn, text, _routes.After(command, text, turn), ct);
    }

    private async Task OnCardActionAsync(TurnContext turn, CancellationToken ct)
    {
        if (turn.Verb is { } verb && _routes.Action(verb) is { } handler)
        {
            await _gate.ActionAsync(handler, turn, ct);
            return;
        }
        if (turn.Kind == TurnKind.CardAction)
        {
            turn.InvokeResult = InvokeResult.Error(400, "UnknownAction", turn.IsEnglish
                ? "This button is no longer supported. Type \"help\" to start again."
                : "此按钮已失效，请发送“帮助”重新开始。");
        }
    }
}
