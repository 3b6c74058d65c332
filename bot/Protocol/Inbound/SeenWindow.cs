namespace VocEdWeek.Bot.Protocol.Inbound;

/// <summary>
/// The finished activities of the last <c>window</c>: fingerprint → when the first copy arrived and its answer. About
/// 40 bytes an activity instead of its key's text, its entry and its finished task (≈ 800 bytes, 15 minutes each).
/// Kept in time buckets (an eighth of the window each): a bucket whose last possible arrival is past the window is
/// dropped whole, with no walk over its entries. Striped locks: a look-up or an add holds one stripe for a few hashes.
/// </summary>
internal sealed class SeenWindow
{
    private const int StripeCount = 16;
    private readonly TimeProvider time;
    private readonly long window;
    private readonly long bucketWidth;
    private readonly Stripe[] stripes = new Stripe[StripeCount];
    private readonly AnswerArena bodies = new();

    public SeenWindow(TimeSpan window, TimeProvider time)
    {
        this.time = time;
        this.window = (long)(window.TotalSeconds * time.TimestampFrequency);
        bucketWidth = Math.Max(1, this.window / 8);
        for (var i = 0; i < stripes.Length; i++) stripes[i] = new Stripe();
    }

    /// <summary>Activities remembered (buckets not yet dropped; for tests and diagnostics).</summary>
    internal int Count => stripes.Sum(s => { lock (s) return s.Buckets.Sum(b => b.Seen.Count); });

    /// <summary>The answer of <paramref name="id"/> if its first copy arrived within the window before <paramref name="now"/>.</summary>
    public bool TryGet(ActivityFingerprint id, long now, out object? answer)
    {
        var stripe = StripeOf(id);
        lock (stripe)
        {
            DropExpired(stripe, now);
            // Newest first: an id run again after its window has a newer entry than its expired one.
            for (var i = stripe.Buckets.Count - 1; i >= 0; i--)
            {
                if (!stripe.Buckets[i].Seen.TryGetValue(id, out var seen)) continue;
                answer = seen.Answer;
                return now - seen.Arrived <= window;
            }
        }
        answer = null;
        return false;
    }

    /// <summary>Remembers a finished activity whose first copy arrived at <paramref name="arrived"/>.</summary>
    public void Add(ActivityFingerprint id, long arrived, object? answer)
    {
        if (answer is TurnOutcome outcome) answer = outcome.KeptIn(bodies);
        var now = time.GetTimestamp();
        var stripe = StripeOf(id);
        lock (stripe)
        {
            DropExpired(stripe, now);
            if (stripe.Buckets.Count == 0 || now - stripe.Buckets[^1].Start >= bucketWidth)
                stripe.Buckets.Add(new Bucket(now, []));
            stripe.Buckets[^1].Seen[id] = new Seen(arrived, answer);
        }
    }

    private Stripe StripeOf(ActivityFingerprint id) => stripes[(int)(id.High % StripeCount)];

    /// <summary>Under the stripe's lock. Everything in a bucket arrived before its start + width.</summary>
    private void DropExpired(Stripe stripe, long now)
    {
        var expired = 0;
        while (expired < stripe.Buckets.Count && now - (stripe.Buckets[expired].Start + bucketWidth) > window) expired++;
        if (expired > 0) stripe.Buckets.RemoveRange(0, expired);
    }

    private sealed class Stripe
    {
        public List<Bucket> Buckets { get; } = [];
    }

    private sealed record Bucket(long Start, Dictionary<ActivityFingerprint, Seen> Seen);

    private readonly record struct Seen(long Arrived, object? Answer);
}
