using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Bench.Compare;

/// <summary>
/// A bot may send its reply after it answered the request, and wrk drops the answers in flight when it stops while the
/// target still finishes those turns; so connector calls are counted once the count has not moved for a quiet
/// period as long as the slowest answer seen (at least 300 ms, at most 10 s) — else a slow target's late replies
/// would land in the next target's row.
/// </summary>
public static class ConnectorSettle
{
    public static async Task<long> CallsSinceAsync(ConnectorRecorder connector, long before, TimeSpan? slowestAnswer = null)
    {
        var quiet = TimeSpan.FromMilliseconds(Math.Clamp((slowestAnswer ?? TimeSpan.Zero).TotalMilliseconds * 1.2, 300, 10_000));
        var last = connector.CallCount;
        var still = TimeSpan.Zero;
        var step = TimeSpan.FromMilliseconds(100);
        for (var waited = TimeSpan.Zero; still < quiet && waited < TimeSpan.FromSeconds(40); waited += step)
        {
            await Task.Delay(step);
            var now = connector.CallCount;
            still = now == last ? still + step : TimeSpan.Zero;
            last = now;
        }
        return last - before;
    }
}
