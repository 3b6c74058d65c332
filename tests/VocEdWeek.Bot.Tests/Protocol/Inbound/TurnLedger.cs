using VocEdWeek.Bot.Conversation;

namespace VocEdWeek.Bot.Tests.Protocol.Inbound;

/// <summary>
/// Counts turns the app started and requests answered, and signals when every request of a batch is accounted
/// for: answered, or inside a turn that has not finished (e.g. waiting for Teams' send limits on a still clock).
/// </summary>
internal sealed class TurnLedger
{
    private readonly object sync = new();
    private int started;
    private int running;
    private int answered;
    private int expected = int.MaxValue;
    private TaskCompletionSource? batch;

    public int Started
    {
        get { lock (sync) return started; }
    }

    public Task Expect(int count)
    {
        lock (sync)
        {
            expected = answered + running + count;
            batch = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return batch.Task;
        }
    }

    public void TurnStarted() => Update(() => { started++; running++; });

    public void TurnEnded() => Update(() => running--);

    public void Answered() => Update(() => answered++);

    private void Update(Action change)
    {
        lock (sync)
        {
            change();
            if (answered + running >= expected) batch?.TrySetResult();
        }
    }
}

/// <summary>The app's own turn handler, counted.</summary>
internal sealed class CountingHandler(ITurnHandler inner, TurnLedger ledger) : ITurnHandler
{
    public async Task OnTurnAsync(TurnContext turn, CancellationToken ct)
    {
        ledger.TurnStarted();
        try
        {
            await inner.OnTurnAsync(turn, ct);
        }
        finally
        {
            ledger.TurnEnded();
        }
    }
}
