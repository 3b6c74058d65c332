namespace VocEdWeek.Bot.Tests.Fakes;

/// <summary>
/// Runs calls at the same moment, for store races: each on a thread of its own (not the pool, which a barrier could
/// starve), released together by a barrier; the results in call order. An exception in any call is rethrown.
/// </summary>
public static class Simultaneously
{
    public static T[] Run<T>(int count, Func<int, T> call)
    {
        var results = new T[count];
        var errors = new Exception?[count];
        using var start = new Barrier(count);
        var threads = Enumerable.Range(0, count).Select(i => new Thread(() =>
        {
            start.SignalAndWait();
            try
            {
                results[i] = call(i);
            }
            catch (Exception ex)
            {
                errors[i] = ex;
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        if (errors.FirstOrDefault(e => e is not null) is { } error) throw new AggregateException(error);
        return results;
    }
}
