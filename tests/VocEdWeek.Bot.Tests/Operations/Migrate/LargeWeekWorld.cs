using VocEdWeek.Bot.Operations.Backup;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Tests.Features.Forms;
using VocEdWeek.Bot.Tests.Features.Office;

namespace VocEdWeek.Bot.Tests.Operations.Migrate;

/// <summary>
/// A bot on LiteDB at the end of a week of <paramref name="departments"/> departments (the last day, 13:00 Beijing: all
/// seven daily reports due, statistics and summaries open), its records written by the bot's own stores — submissions
/// (<see cref="SampleWeeks.Submit"/>), exemptions, media with real files, outbox and reminder history, slots,
/// conversations, users, exports, settings — and a stopped copy of its folder for <c>migrate-storage</c>. Deterministic:
/// the same seed gives the same records (ids the stores make themselves aside).
/// </summary>
public sealed class LargeWeekWorld : IDisposable
{
    public static readonly DateTimeOffset Now = FormsWorld.Beijing(2024, 5, 18, 13, 0);

    private readonly TempDir _stopped = new();

    public LargeWeekWorld(int departments, int seed = 13)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Bot = new OfficeWorld(Now, departments, settings: TestStorage.LiteDb());
        var random = new Random(seed);
        Lap("start", watch);
        Submissions = SampleWeeks.Submit(Bot.Store, Bot.Get<IAtomicWrites>(), Bot.Week, Now, seed);
        Lap("submissions", watch);
        Bot.Get<IAtomicWrites>().Atomically(() => LargeWeekHistory.Write(Bot, random));
        Lap("history", watch);
        MediaFiles = LargeWeekMedia.Write(Bot, random);
        Lap("media", watch);
        // The stopped folder is what an operator has after stopping the bot: the database and the received files.
        DatabaseSnapshot.Write(Bot.Get<BotDatabase>().Database, Path.Combine(_stopped.Path, "vocedweek.db"));
        CopyFolder(Path.Combine(Bot.StorageDirectory, "files"), Path.Combine(_stopped.Path, "files"));
        Lap("snapshot", watch);
    }

    /// <summary>How long each step of writing the week took, e.g. "submissions 40.1 s" (for the report; nothing waits on it).</summary>
    public List<string> BuildTimes { get; } = [];

    private void Lap(string step, System.Diagnostics.Stopwatch watch)
    {
        BuildTimes.Add($"{step} {watch.Elapsed.TotalSeconds:F1} s");
        watch.Restart();
    }


    /// <summary>The bot on LiteDB, still running (it holds its folder's lock): the "before" of every answer.</summary>
    public OfficeWorld Bot { get; }

    /// <summary>A folder with the same records and files and no bot on it.</summary>
    public string StoppedDirectory => _stopped.Path;

    public string DatabaseFile => Path.Combine(_stopped.Path, "vocedweek.db");

    public int Submissions { get; }

    /// <summary>Files written to the local file store (stored media).</summary>
    public int MediaFiles { get; }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose()
    {
        Bot.Dispose();
        _stopped.Dispose();
    }
}
