namespace VocEdWeek.Bot.Weeks.Store;

/// <summary>One week as the database keeps it: the week file's JSON, so export and seeding use one format.</summary>
public sealed class StoredWeek
{
    /// <summary>The week's id (<see cref="WeekDefinition.Id"/>).</summary>
    public string Id { get; set; } = "";
    public string Json { get; set; } = "";
    /// <summary>Goes up by one with every change; a change made on an older revision is refused, never merged blindly.</summary>
    public int Revision { get; set; }
    /// <summary>SHA-256 of the week file it was seeded from; null when made in Teams.</summary>
    public string? FileHash { get; set; }
    /// <summary>True once anyone changed it in Teams: a later edit of its file no longer replaces it.</summary>
    public bool ChangedInTeams { get; set; }
    /// <summary>Kept for look-ups and exports, never the active week (<c>Week:ArchiveFiles</c>).</summary>
    public bool Archived { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
