namespace VocEdWeek.Bot.Bench.Compare;

/// <summary>One target, one row, one connection count, one round.</summary>
/// <param name="Measured">wrk's measured run.</param>
/// <param name="CpuMsPerRequest">The target process's user + system CPU over the measured run, per request answered.</param>
/// <param name="MaxRssBytes">The target's largest resident set seen during the measured run (sampled every 100 ms).</param>
/// <param name="ConnectorCalls">Connector calls during warm-up and measured run, counted once they stopped moving.</param>
/// <param name="Answered">2xx answers wrk counted in warm-up and measured run together.</param>
public sealed record CompareSample(int Round, string Row, int Connections, string Target, WrkResult Measured,
    double CpuMsPerRequest, long MaxRssBytes, long ConnectorCalls, long Answered)
{
    /// <summary>The target's CPU time over the measured run's wall time: 100 = all of core 0.</summary>
    public double CorePercent { get; init; }

    /// <summary>How busy core 0 was meanwhile, the target and anything else on the machine together.</summary>
    public double CoreBusyPercent { get; init; }

    /// <summary>Sends of the warm-up and measured run that came near one of Teams' per-conversation limits (<see cref="SendPace"/>).</summary>
    public long NearLimit { get; init; }

    /// <summary>Connector calls each answer causes: 1 for a reply, 0 for the bare endpoint or an invoke answered inline.</summary>
    public int CallsPerAnswer { get; init; } = 1;

    /// <summary>
    /// wrk stops with up to one request per connection in flight, which the target still answers and replies to but
    /// wrk never counts: per warm-up and measured run, up to <see cref="Connections"/> calls more than 2xx counted.
    /// </summary>
    public bool ConnectorCallsRight => CallsPerAnswer > 0
        ? ConnectorCalls >= Answered && ConnectorCalls <= Answered + 2 * Connections
        : ConnectorCalls == 0;

    public double ConnectorCallsPerRequest => Answered == 0 ? double.NaN : (double)ConnectorCalls / Answered;
}
