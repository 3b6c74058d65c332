using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Bench.Compare;

/// <summary>
/// A bot may send its reply after it answered the request (and wrk drops the answers still in flight when it stops),
/// so connector calls are counted once the count has stopped moving: unchanged for 300 ms, or after 10 s at most.
/// </summary>
public static class ConnectorSettle
{
    public static async Task<long> CallsSinceAsync(ConnectorRecorder connector, long before)
    {
        var last = connector.CallCount;
        for (var waited = 0; waited < 10_000; waited += 300)
        {
            await Task.Delay(300);
            var now = connector.CallCount;
            if (now == last) break;
            last = now;
        }
        return last - before;
    }
}
