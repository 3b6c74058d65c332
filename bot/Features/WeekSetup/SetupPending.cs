namespace VocEdWeek.Bot.Features.WeekSetup;

/// <summary>
/// A draft week or a roster import waiting for its admin's confirmation. Kept on the server — the card carries only the
/// id — so what is confirmed is exactly what was previewed, and a confirmation applies once.
/// </summary>
public sealed class SetupPending
{
    public string Id { get; set; } = "";
    /// <summary><see cref="WeekKind"/> or <see cref="RosterKind"/>.</summary>
    public string Kind { get; set; } = "";
    /// <summary>The roster's week (imports only).</summary>
    public string? WeekId { get; set; }
    /// <summary>The week's revision the preview was compared with: a roster changed meanwhile is previewed again.</summary>
    public int Revision { get; set; }
    /// <summary>JSON: the draft (weeks) or the departments to store (imports).</summary>
    public string Payload { get; set; } = "";
    public string Source { get; set; } = "";
    public string RequestedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? DoneAt { get; set; }
    public string? Outcome { get; set; }

    /// <summary>How long a preview can be confirmed; later the file or notice is sent again (the roster may have moved on).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(2);

    public const string WeekKind = "week";
    public const string RosterKind = "roster";

    /// <summary>A new request, not yet claimed: what every store keeps when someone asks for a draft or an import.</summary>
    public static SetupPending New(string kind, string payload, string source, string requestedBy, string? weekId, int revision, DateTime now) => new()
    {
        Id = Guid.NewGuid().ToString("N"),
        Kind = kind,
        Payload = payload,
        Source = source,
        RequestedBy = requestedBy,
        WeekId = weekId,
        Revision = revision,
        CreatedAt = now,
    };

    /// <summary>What <see cref="ISetupPendingStore.Find"/> answers for a stored item: it unless it is of another kind or expired unconfirmed.</summary>
    public static SetupPending? Valid(SetupPending? pending, string kind, DateTime now) =>
        pending is null || pending.Kind != kind || (pending.DoneAt is null && now - pending.CreatedAt > Lifetime) ? null : pending;
}
