namespace VocEdWeek.Bot.Bench.Compare;

/// <summary>
/// Messages of one row's kind sent to one target before measuring, each awaited to its answer, so the connector calls
/// they caused are counted exactly (wrk cannot: it drops the answers in flight when it stops).
/// For the known row this is the warm-up pass over all its conversations.
/// </summary>
public sealed record ExactPass(string Target, string Row, int Requests, int NotOk, long ConnectorCalls, int CallsPerRequestExpected)
{
    public double CallsPerRequest => (double)ConnectorCalls / Requests;

    /// <summary>Every request answered right (200; a submit: its receipt), and exactly the connector calls expected (a reply each, none for an invoke answered inline or the bare endpoint).</summary>
    public bool Right => NotOk == 0 && ConnectorCalls == CallsPerRequestExpected * Requests;
}
