using VocEdWeek.Bot.Protocol.Connector;

namespace VocEdWeek.Bot.Bench.Compare;

/// <summary>
/// Whether Teams' per-conversation send limits came into play, seen from the fake connector: a send counts as near a
/// limit when, for one of Teams' per-thread windows (at most L sends in P), the L-th send before it to the same
/// conversation came less than P + <see cref="Tolerance"/> earlier. A bot that keeps the limits (ours paces its sends to
/// P + 50 ms) then had to wait, or was about to: the row would measure Teams' pacing, not the bot.
/// </summary>
/// <remarks>
/// Why the bench needs it: at 2,000 conversations, 8 sends per 2 s per conversation cap a stream at 8,000 sends/s, and
/// 60 per 30 s at 4,000/s over any 30 s; our bot passed 7,000 requests/s, and its "help" row's tail became the pacing's
/// (core 0 idle while replies waited). The hour's window (1,800) is left out: no bench run comes near it.
/// </remarks>
public sealed class SendPace(TimeProvider time)
{
    /// <summary>Delivery jitter between the bot's limiter and this connector, plus the bot's own 50 ms margin.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMilliseconds(250);

    private static readonly (int Limit, TimeSpan Period)[] Windows = RateWindow.TeamsPerThread
        .Where(w => w.Period <= TimeSpan.FromMinutes(1))
        .Select(w => (w.Limit, w.Period + Tolerance))
        .ToArray();

    private static readonly int Depth = Windows.Max(w => w.Limit);
    private readonly Dictionary<string, Ring> _conversations = new(StringComparer.Ordinal);
    private long _near;

    /// <summary>Sends so far that came near one of the limits.</summary>
    public long NearLimit => Interlocked.Read(ref _near);

    /// <summary>A call to the connector at <paramref name="path"/>; only sends into a conversation count.</summary>
    public void Called(string path)
    {
        const string prefix = "/v3/conversations/";
        if (!path.StartsWith(prefix, StringComparison.Ordinal)) return;
        var end = path.IndexOf('/', prefix.Length);
        if (end < 0 || !path.AsSpan(end).StartsWith("/activities", StringComparison.Ordinal)) return;
        var conversation = path[prefix.Length..end];
        var now = time.GetTimestamp();
        lock (_conversations)
        {
            if (!_conversations.TryGetValue(conversation, out var ring)) _conversations[conversation] = ring = new Ring(Depth);
            foreach (var (limit, period) in Windows)
            {
                if (ring.Count >= limit && time.GetElapsedTime(ring.Back(limit), now) < period)
                {
                    _near++;
                    break;
                }
            }
            ring.Add(now);
        }
    }

    /// <summary>The last <c>depth</c> send times of one conversation.</summary>
    private sealed class Ring(int depth)
    {
        private readonly long[] _times = new long[depth];
        private int _next;

        public int Count { get; private set; }

        /// <summary>The n-th newest (1 = the newest).</summary>
        public long Back(int n) => _times[((_next - n) % _times.Length + _times.Length) % _times.Length];

        public void Add(long time)
        {
            _times[_next] = time;
            _next = (_next + 1) % _times.Length;
            Count = Math.Min(Count + 1, _times.Length);
        }
    }
}
