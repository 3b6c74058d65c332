using System.Security.Cryptography;
using VocEdWeek.Bot.Weeks.Store;

namespace VocEdWeek.Bot.Weeks;

/// <summary>
/// <c>Week:DefinitionFile</c> (and <c>Week:ArchiveFiles</c>) seed the database at start. A file edited since is taken again
/// only while nobody changed that week in Teams; once they have, Teams wins and the log says the file was left alone.
/// A file with a mistake still stops start-up, with the file, line and field.
/// </summary>
public static class WeekSeeding
{
    public sealed record SeedFile(string File, WeekDefinition Week, bool Archived);

    /// <summary>Reads and checks every configured week file (start-up calls it first: a mistake stops the bot there).</summary>
    public static IReadOnlyList<SeedFile> LoadFiles(IConfiguration configuration)
    {
        var files = new List<(string File, bool Archived)>();
        if (configuration["Week:DefinitionFile"] is { } active && !string.IsNullOrWhiteSpace(active)) files.Add((active, false));
        files.AddRange((configuration.GetSection("Week:ArchiveFiles").Get<string[]>() ?? []).Select(f => (f, true)));
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var loaded = new List<SeedFile>();
        foreach (var (file, archived) in files)
        {
            var week = WeekLoader.Load(file);
            if (!seen.Add(week.Id)) throw new ConfigurationException($"Week:ArchiveFiles: week id '{week.Id}' appears twice.");
            loaded.Add(new SeedFile(file, week, archived));
        }
        return loaded;
    }

    /// <summary>Stores the configured weeks; each one written is told to the other instances through <paramref name="others"/>.</summary>
    public static void Seed(IWeekStore store, IConfiguration configuration, TimeProvider time, ILogger log, IWeekChangeSignal? others = null)
    {
        foreach (var (file, week, archived) in LoadFiles(configuration))
        {
            var hash = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));
            var stored = store.Find(week.Id);
            var now = time.GetUtcNow().UtcDateTime;
            if (stored is null)
            {
                // False when another instance starting at the same time seeded it first: the same file, nothing to do.
                if (store.Add(new StoredWeek { Id = week.Id, Json = WeekJson.Write(week), Revision = 1, FileHash = hash, Archived = archived, CreatedAt = now, UpdatedAt = now }))
                {
                    log.LogInformation("Week {WeekId} seeded from {File}.", week.Id, Path.GetFileName(file));
                    others?.Publish(week.Id);
                }
            }
            else if (stored.FileHash != hash || stored.Archived != archived)
            {
                if (stored.ChangedInTeams)
                {
                    log.LogWarning("Week {WeekId}: {File} changed, but the week was changed in Teams since; the database copy is kept (export it with \"导出活动周设置\").", week.Id, Path.GetFileName(file));
                    continue;
                }
                stored.Json = WeekJson.Write(week);
                stored.FileHash = hash;
                stored.Archived = archived;
                var readAt = stored.Revision;
                stored.Revision = readAt + 1;
                stored.UpdatedAt = now;
                // Written only over the revision read: a change made in Teams meanwhile (or another instance's seeding) wins.
                if (store.Replace(stored, readAt))
                {
                    log.LogInformation("Week {WeekId} taken again from {File}.", week.Id, Path.GetFileName(file));
                    others?.Publish(week.Id);
                }
            }
        }
    }
}
