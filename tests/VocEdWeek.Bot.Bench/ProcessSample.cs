namespace VocEdWeek.Bot.Bench;

/// <summary>CPU in percent of all cores, peak thread-pool threads and queue length, Monitor lock contentions per second.</summary>
public sealed record ProcessSample(double CpuPercent, int MaxPoolThreads, long MaxPoolQueue, double LockContentionsPerSecond);
