using System.Security.Cryptography;
using System.Text;
using VocEdWeek.Bot.Protocol.Connector;

namespace VocEdWeek.Bot.Protocol.Inbound;

/// <summary>
/// Decides, before any turn runs, whether an activity is within its sender's and its conversation's allowance
/// (<see cref="InboundOptions"/>, token buckets on <see cref="TimeProvider"/>). It lives in the protocol layer
/// because it works on wire identities (from.aadObjectId, conversation.id) and its answer is an HTTP answer.
/// </summary>
/// <remarks>
/// Only what a person sends counts (message, invoke, messageReaction); installs and roster changes always pass.
/// The table keeps a bucket only while it matters: a sweep once a minute drops every bucket that has filled up
/// again (its owner was quiet for a whole period) and has no recent notice, so memory follows the senders of the
/// last minute or so, not everyone ever seen.
/// </remarks>
public sealed class InboundLimiter
{
    private const int MaxKeyLength = 256;
    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(1);

    private readonly InboundOptions options;
    private readonly TimeProvider time;
    private readonly ILogger<InboundLimiter> logger;
    private readonly object sync = new();
    private readonly Dictionary<string, TokenBucket> users = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TokenBucket> conversations = new(StringComparer.Ordinal);
    private long lastSweep;

    public InboundLimiter(InboundOptions options, TimeProvider time, ILogger<InboundLimiter> logger)
    {
        this.options = options;
        this.time = time;
        this.logger = logger;
        lastSweep = time.GetTimestamp();
    }

    /// <summary>Buckets currently kept (for tests and diagnostics).</summary>
    internal int Tracked
    {
        get { lock (sync) return users.Count + conversations.Count; }
    }

    public static bool IsLimited(string? type) =>
        type is ActivityTypes.Message or ActivityTypes.Invoke or ActivityTypes.MessageReaction;

    public InboundVerdict Check(Activity activity)
    {
        if (!IsLimited(activity.Type)) return InboundVerdict.Admit;
        var userKey = Bounded(activity.From?.AadObjectId ?? activity.From?.Id);
        var conversationKey = activity.Conversation?.Id is { Length: > 0 } id ? Bounded(ConnectorPaths.ThreadKey(id)) : null;
        var ended = new List<(string Scope, string Key, int Refused, double Seconds)>();
        (string Scope, string Key)? started = null;
        InboundVerdict verdict;
        lock (sync)
        {
            var now = time.GetTimestamp();
            SweepIfDue(now, ended);
            var user = userKey is null ? null : Bucket(users, userKey, options.PerUserLimit, options.PerUserPeriod, now);
            var conversation = conversationKey is null ? null : Bucket(conversations, conversationKey, options.PerConversationLimit, options.PerConversationPeriod, now);
            EndBurst(user, "user", userKey, now, ended);
            EndBurst(conversation, "conversation", conversationKey, now, ended);

            // The user's bucket is asked first and a refusal takes nothing from the conversation's: one person's
            // flood does not use up the allowance of the others in the same channel.
            var (refusedBy, scope, key) = user?.HasToken(now) == false ? (user, "user", userKey)
                : conversation?.HasToken(now) == false ? (conversation, "conversation", conversationKey)
                : (null, "", null);
            if (refusedBy is null)
            {
                user?.Take();
                conversation?.Take();
                verdict = InboundVerdict.Admit;
            }
            else
            {
                if (refusedBy.Refuse(now)) started = (scope, key!);
                var notify = conversation is not null
                    && (conversation.LastNotice < 0 || time.GetElapsedTime(conversation.LastNotice, now) >= options.NoticeEvery);
                if (notify) conversation!.LastNotice = now;
                verdict = new InboundVerdict(false, notify);
            }
        }
        foreach (var e in ended) InboundLog.BurstEnded(logger, e.Scope, e.Key, e.Refused, e.Seconds);
        if (started is { } s) InboundLog.BurstStarted(logger, s.Scope, s.Key);
        return verdict;
    }

    private TokenBucket Bucket(Dictionary<string, TokenBucket> table, string key, int limit, TimeSpan period, long now)
    {
        if (!table.TryGetValue(key, out var bucket))
            table[key] = bucket = new TokenBucket(limit, limit / (period.TotalSeconds * time.TimestampFrequency), now);
        return bucket;
    }

    private void EndBurst(TokenBucket? bucket, string scope, string? key, long now, List<(string, string, int, double)> ended)
    {
        if (bucket is not null && key is not null && bucket.TryEndBurst(now, out var start, out var refused))
            ended.Add((scope, key, refused, time.GetElapsedTime(start, now).TotalSeconds));
    }

    private void SweepIfDue(long now, List<(string, string, int, double)> ended)
    {
        if (time.GetElapsedTime(lastSweep, now) < SweepEvery) return;
        lastSweep = now;
        Sweep(users, "user", now, ended);
        Sweep(conversations, "conversation", now, ended);
    }

    private void Sweep(Dictionary<string, TokenBucket> table, string scope, long now, List<(string, string, int, double)> ended)
    {
        foreach (var (key, bucket) in table)
        {
            EndBurst(bucket, scope, key, now, ended);
            var noticeRecent = bucket.LastNotice >= 0 && time.GetElapsedTime(bucket.LastNotice, now) < options.NoticeEvery;
            if (!bucket.InBurst && !noticeRecent && bucket.IsFull(now)) table.Remove(key);
        }
    }

    /// <summary>Ids are Teams' (short), but nothing stops a body from carrying a megabyte one: keep keys small.</summary>
    private static string? Bounded(string? key) =>
        key is null || key.Length <= MaxKeyLength ? key : "sha256:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
