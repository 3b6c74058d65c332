using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Submissions;

namespace VocEdWeek.Bot.Bench.Compare;

/// <summary>
/// After the run, with our bot killed (SIGKILL: no orderly shutdown, so only what was durable counts), its LiteDB file is
/// opened with the bot's own BotDatabase and the daily reports are counted. Every 2xx answer must be stored exactly
/// once: at least as many versions as receipts (passes + wrk's 2xx), at most one more per connection per wrk run (wrk
/// drops the answers in flight when it stops, but the bot stored them), and no idempotency key twice.
/// </summary>
public sealed record StoredSubmissions(long Stored, long DistinctKeys, long Answered, long InFlightAllowance)
{
    public bool Right => Stored == DistinctKeys && Stored >= Answered && Stored <= Answered + InFlightAllowance;

    public static StoredSubmissions Count(string storageFolder, IReadOnlyList<CompareSample> samples, IReadOnlyList<ExactPass> passes)
    {
        var mine = samples.Where(x => x.Target == TargetNames.Bot && x.Row == StreamKind.Submit.Name).ToList();
        var answered = mine.Sum(x => x.Answered) + passes.Where(p => p.Target == TargetNames.Bot && p.Row == StreamKind.Submit.Name).Sum(p => (long)p.Requests - p.NotOk);
        using var db = new BotDatabase(new StorageOptions { Directory = storageFolder });
        var reports = db.Collection<Submission>("submissions").Find(x => x.WeekId == BenchWeek.WeekId).ToList();
        return new StoredSubmissions(reports.Count, reports.Select(x => x.IdempotencyKey).Distinct().LongCount(), answered,
            mine.Sum(x => 2L * x.Connections));
    }

    public override string ToString() =>
        $"stored submissions after the run (bot killed, file reopened): {Stored} versions, {DistinctKeys} distinct card ids, for {Answered} receipts counted (+ up to {InFlightAllowance} answered while wrk stopped){(Right ? "" : " WRONG")}";
}
