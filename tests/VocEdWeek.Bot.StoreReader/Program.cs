using System.Text.Json;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Submissions;

// Usage: StoreReader <storage folder>. Prints one JSON object: every submission version (with its time on the bot's
// clock) and media record, and the slots whose version history is inconsistent. Exit 0 when the database opened,
// 2 when it did not (one sentence why).
if (args.Length != 1 || !Directory.Exists(args[0]))
{
    Console.Error.WriteLine("Usage: StoreReader <storage folder that holds vocedweek.db>");
    return 1;
}
var storage = new StorageOptions { Directory = args[0] };
try
{
    using var db = new BotDatabase(storage);
    var submissions = db.Collection<Submission>("submissions").FindAll().ToList();
    var media = db.Collection<MediaRecord>("media").FindAll().ToList();
    // The current version is each slot's newest: the bot derives it so (a submit writes its version and nothing else).
    var newest = submissions.GroupBy(s => s.Slot).ToDictionary(g => g.Key, g => g.Max(s => s.Version));
    var filesRoot = Path.Combine(storage.FullDirectory, "files");
    var result = new
    {
        opened = true,
        submissions = submissions.Select(s => new { key = s.IdempotencyKey, slot = s.Slot, s.Version, IsCurrent = s.Version == newest[s.Slot], at = s.SubmittedAt }),
        media = media.Select(m => new
        {
            m.OriginalName, m.Location, m.Size, state = m.State.ToString(),
            // A stored record must point at a whole file: the scripts compare the size on disk.
            sizeOnDisk = m.Location.Length > 0 && File.Exists(Path.Combine(filesRoot, m.Location)) ? new FileInfo(Path.Combine(filesRoot, m.Location)).Length : -1,
        }),
        inconsistentSlots = Inconsistent(submissions),
    };
    Console.WriteLine(JsonSerializer.Serialize(result));
    return 0;
}
catch (Exception ex)
{
    // The figure counts this as "did not open"; the reason is for the person reading the log.
    Console.WriteLine(JsonSerializer.Serialize(new { opened = false, error = $"{ex.GetType().Name}: {ex.Message}" }));
    return 2;
}

// Each slot must have versions 1..n (a torn write would break that); its newest is current. Versions stored before the
// bot stopped writing a current flag hold one: the bot demoted the one before as it wrote the next, so at most one
// version of a slot may say it (the newest then; versions written since say nothing).
static List<string> Inconsistent(List<Submission> all) =>
    all.GroupBy(s => s.Slot)
        .Where(g => !g.Select(s => s.Version).Order().SequenceEqual(Enumerable.Range(1, g.Count()))
            || g.Count(s => s.IsCurrent) > 1)
        .Select(g => g.Key)
        .ToList();
