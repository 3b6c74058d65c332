namespace VocEdWeek.Bot.Bench.Compare;

/// <summary>
/// Messages of one row's kind sent to one target before measuring, each awaited to its answer, so the connector calls
/// they caused are counted exactly (wrk cannot: it drops the answers in flight when it stops).
/// For the known row this is the warm-up pass over all its conversations.
/// </summary>
public sealed record ExactPass(string Target, string Row, int Requests, int NotOk, long ConnectorCalls)
{
    public double CallsPerRequest => (double)ConnectorCalls / Requests;

    /// <summary>Every request answered 200, and exactly one connector call each (none for the bare endpoint).</summary>
    public bool Right => NotOk == 0 && ConnectorCalls == (Target == TargetNames.Bare ? 0 : Requests);
}
