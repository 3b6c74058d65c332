namespace VocEdWeek.Bot.Tests.Storage.Contract;

/// <summary>Runs one attempt per thread, all let go together (a barrier, no clock); how many of them succeeded.</summary>
public static class Racers
{
    public static int Succeeded(int threads, Func<int, bool> attempt)
    {
        using var start = new Barrier(threads);
        var wins = 0;
        var runners = Enumerable.Range(0, threads).Select(i => new Thread(() =>
        {
            start.SignalAndWait();
            if (attempt(i)) Interlocked.Increment(ref wins);
        })).ToList();
        runners.ForEach(t => t.Start());
        runners.ForEach(t => t.Join());
        return wins;
    }
}
